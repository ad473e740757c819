package dev.perfkit.runner.internal;

import dev.perfkit.core.LoadModel;
import dev.perfkit.core.Scenario;
import dev.perfkit.runner.Overrides;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Applies the user's {@link Overrides} to a scenario through its copy methods, where its load
 * model allows, and says which were not applied and why.
 */
final class OverrideApplier {

    /** The scenario with the overrides, and a note per override that could not be applied. */
    record Applied(Scenario scenario, List<String> notApplied) {
    }

    private OverrideApplier() {
    }

    static Applied apply(Scenario scenario, Overrides o, long seed) {
        List<String> notes = new ArrayList<>();
        Scenario s = scenario.seed(seed);
        if (o.isEmpty()) {
            return new Applied(s, notes);
        }
        boolean closedRamp = s.model() != LoadModel.OPEN && accepts(s, x -> x.hold(Duration.ZERO));
        if (!closedRamp) {
            String why = s.model() == LoadModel.OPEN ? "an arrival-rate (open) scenario" : "a scenario with stages";
            o.users().ifPresent(u -> notes.add("--users not applied to " + why));
            o.rampUp().ifPresent(u -> notes.add("--ramp-up not applied to " + why));
            o.spawnRate().ifPresent(u -> notes.add("--spawn-rate not applied to " + why));
            o.preset().ifPresent(u -> notes.add("--preset not applied to " + why));
            if (o.duration().isPresent()) {
                s = s.maxDuration(o.duration().get());
                notes.add("--duration caps " + why + " (maxDuration)");
            }
            return new Applied(s, notes);
        }
        if (o.preset().isPresent()) {
            s = s.preset(o.preset().get());
        }
        if (o.users().isPresent()) {
            s = s.users(o.users().getAsInt());
        }
        if (o.rampUp().isPresent()) {
            s = s.rampUp(o.rampUp().get());
        }
        if (o.spawnRate().isPresent()) {
            if (s.model() == LoadModel.CLOSED) {
                s = s.rampUp(spawnRamp(s.closedProfile().peakUsers(), o.spawnRate().getAsDouble()));
            } else {
                notes.add("--spawn-rate not applied: the scenario defines no users (give --users)");
            }
        }
        if (o.duration().isPresent()) {
            s = s.hold(o.duration().get());
        }
        return new Applied(s, notes);
    }

    /** The ramp-up that starts {@code users} at {@code perSecond} users a second. */
    static Duration spawnRamp(int users, double perSecond) {
        return Duration.ofNanos(Math.round(users / perSecond * 1e9));
    }

    private static boolean accepts(Scenario s, UnaryOperator<Scenario> change) {
        try {
            change.apply(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
