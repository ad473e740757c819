package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The active-users series of a real run follows the ramp. The exact arithmetic is checked with
 * explicit times in ClosedDriverTest; this checks that the engine applies it, within the
 * coordinator's 10 ms tick and the interval boundaries' jitter.
 */
class RampTest {

    @Test
    void shouldFollowRampInActiveUsersSeriesWhenUsersRampUpThenDown() throws Exception {
        Scenario scenario = Scenario.named("ramp")
                .stages(Stage.rampTo(40).over(Duration.ofSeconds(2)), Stage.hold(Duration.ofMillis(500)),
                        Stage.rampTo(10).over(Duration.ofSeconds(1)))
                .thinkTime(ThinkTime.constant(Duration.ofMillis(5)))
                .task(1, "t", session -> LockSupport.parkNanos(1_000_000));

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100)).build());

        UsersProfile profile = scenario.closedProfile();
        int checked = 0;
        for (IntervalStats interval : result.intervals()) {
            long end = interval.start().plus(interval.length()).toNanos();
            if (end >= profile.duration().toNanos()) {
                break;
            }
            // Users wanted at the interval's end, allowing the 10 ms tick and up to 20 ms of lag.
            int low = Math.min(profile.usersAt(end - 30_000_000L), profile.usersAt(end));
            int high = Math.max(profile.usersAt(end - 30_000_000L), profile.usersAt(end));
            assertThat(interval.activeUsers()).as("users at %d ms", end / 1_000_000)
                    .isBetween(low - 1, high + 1);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
        assertThat(result.peakUsers()).isEqualTo(40);
    }
}
