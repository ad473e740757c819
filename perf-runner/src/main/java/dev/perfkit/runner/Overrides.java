package dev.perfkit.runner;

import dev.perfkit.core.Preset;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The load settings the user gave on the command line, which the runner applies to every
 * scenario of a suite where the scenario's load model allows. Empty means "keep the scenario's".
 *
 * <p>For a closed-model scenario with users, ramp-up and hold, in this order: {@code preset}
 * replaces the three, {@code users} the users, {@code rampUp} the ramp-up, {@code spawnRate}
 * the ramp-up as {@code users / spawnRate} seconds (users started per second, as in Locust), and
 * {@code duration} the hold. For a scenario whose load is a profile of stages or an arrival rate
 * (open model), only {@code duration} applies, as a cap on the run
 * ({@link dev.perfkit.core.Scenario#maxDuration}); the others are reported as not applied. Suites
 * read the overrides too, to size data or pools.
 *
 * @param users     the concurrent users, {@code > 0}
 * @param duration  the hold after the ramp-up, {@code > 0}
 * @param rampUp    the ramp-up, {@code >= 0}; not with {@code spawnRate}
 * @param spawnRate users started per second during the ramp-up, {@code > 0}; not with {@code rampUp}
 * @param preset    a standard load
 */
public record Overrides(OptionalInt users, Optional<Duration> duration, Optional<Duration> rampUp,
                        OptionalDouble spawnRate, Optional<Preset> preset) {

    private static final Overrides NONE = new Overrides(OptionalInt.empty(), Optional.empty(), Optional.empty(),
            OptionalDouble.empty(), Optional.empty());

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if a value is out of range, or both ramp-up and spawn rate are given
     * @throws NullPointerException     if a field is null
     */
    public Overrides {
        if (users.isPresent() && users.getAsInt() <= 0) {
            throw new IllegalArgumentException("overrides: users must be > 0, was " + users.getAsInt());
        }
        duration.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("overrides: duration must be > 0, was " + d);
            }
        });
        rampUp.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("overrides: rampUp must be >= 0, was " + d);
            }
        });
        if (spawnRate.isPresent() && !(spawnRate.getAsDouble() > 0 && Double.isFinite(spawnRate.getAsDouble()))) {
            throw new IllegalArgumentException("overrides: spawnRate must be > 0, was " + spawnRate.getAsDouble());
        }
        if (rampUp.isPresent() && spawnRate.isPresent()) {
            throw new IllegalArgumentException("overrides: give rampUp or spawnRate, not both");
        }
    }

    /** Returns overrides that change nothing. */
    public static Overrides none() {
        return NONE;
    }

    /** Returns whether no override is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
