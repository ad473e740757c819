package dev.perfkit.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.ArrivalProfile;
import dev.perfkit.core.ArrivalRate;
import dev.perfkit.core.Preset;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Stage;
import dev.perfkit.core.UsersProfile;
import dev.perfkit.runner.Overrides;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OverrideApplierTest {

    private static final Scenario CLOSED = Scenario.named("c").users(2).rampUp(Duration.ofSeconds(1))
            .hold(Duration.ofSeconds(5)).task(1, "t", s -> { });

    private static Overrides overrides(Integer users, Duration duration, Duration rampUp, Double spawnRate, Preset preset) {
        return new Overrides(users == null ? OptionalInt.empty() : OptionalInt.of(users), Optional.ofNullable(duration),
                Optional.ofNullable(rampUp), spawnRate == null ? OptionalDouble.empty() : OptionalDouble.of(spawnRate),
                Optional.ofNullable(preset));
    }

    @Test
    void shouldReplaceUsersRampUpAndHoldWhenTheScenarioIsClosed() {
        OverrideApplier.Applied applied = OverrideApplier.apply(CLOSED,
                overrides(10, Duration.ofSeconds(30), Duration.ofSeconds(3), null, null), 7);

        UsersProfile p = applied.scenario().closedProfile();
        assertThat(p.peakUsers()).isEqualTo(10);
        assertThat(p.lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.duration()).isEqualTo(Duration.ofSeconds(33));
        assertThat(applied.scenario().seed()).hasValue(7);
        assertThat(applied.notApplied()).isEmpty();
    }

    @Test
    void shouldTurnTheSpawnRateIntoARampUpWhenUsersAreKnown() {
        Scenario s = OverrideApplier.apply(CLOSED, overrides(20, null, null, 4.0, null), 1).scenario();

        assertThat(s.closedProfile().lastIncreaseEnd()).isEqualTo(Duration.ofSeconds(5));
        assertThat(OverrideApplier.spawnRamp(3, 2.0)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldApplyThePresetBeforeTheOtherOverridesWhenBothAreGiven() {
        Scenario s = OverrideApplier.apply(CLOSED, overrides(7, null, null, null, Preset.SMOKE), 1).scenario();

        assertThat(s.closedProfile().peakUsers()).isEqualTo(7);
        assertThat(s.closedProfile().duration()).isEqualTo(Preset.SMOKE.rampUp().plus(Preset.SMOKE.hold()));
    }

    @Test
    void shouldOnlyCapTheDurationAndSayWhyWhenTheScenarioIsOpenOrStaged() {
        Scenario open = Scenario.named("o").arrivals(ArrivalProfile.constant(ArrivalRate.of(10).perSecond(),
                Duration.ofMinutes(1))).task(1, "t", s -> { });
        Scenario staged = Scenario.named("s").stages(Stage.rampTo(5).over(Duration.ofSeconds(10))).task(1, "t", s -> { });

        OverrideApplier.Applied a = OverrideApplier.apply(open, overrides(5, Duration.ofSeconds(2), null, null, null), 1);
        OverrideApplier.Applied b = OverrideApplier.apply(staged, overrides(5, null, Duration.ofSeconds(1), null, null), 1);

        assertThat(a.scenario().maxDuration()).hasValue(Duration.ofSeconds(2));
        assertThat(a.scenario().arrivalProfile()).isEqualTo(open.arrivalProfile());
        assertThat(a.notApplied()).containsExactly("--users not applied to an arrival-rate (open) scenario",
                "--duration caps an arrival-rate (open) scenario (maxDuration)");
        assertThat(b.scenario().closedProfile()).isEqualTo(staged.closedProfile());
        assertThat(b.notApplied()).containsExactly("--users not applied to a scenario with stages",
                "--ramp-up not applied to a scenario with stages");
    }
}
