package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.Stage;
import dev.perfkit.core.UsersProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClosedDriverTest {

    private static final long MS = 1_000_000L;

    @Test
    void shouldFollowLinearRampWhenTimeAdvancesInTicks() {
        ClosedDriver driver = new ClosedDriver(UsersProfile.rampHold(100, Duration.ofSeconds(10), Duration.ofSeconds(5)));
        long started = 0;
        for (long t = 0; t <= 15_000 * MS; t += 10 * MS) {
            started += Math.max(0, driver.adjust(t, true));
            // user k starts at k * 10 s / 100 = k * 100 ms
            long expected = Math.min(100, t / (100 * MS));
            assertThat(driver.running()).as("running at %d ms", t / MS).isEqualTo((int) expected);
        }
        assertThat(started).isEqualTo(100);
        assertThat(driver.ended(15_000 * MS - 1)).isFalse();
        assertThat(driver.ended(15_000 * MS)).isTrue();
    }

    @Test
    void shouldStopNewestUsersWhenStageRampsDown() {
        ClosedDriver driver = new ClosedDriver(UsersProfile.stages(
                Stage.rampTo(10).over(Duration.ZERO), Stage.hold(Duration.ofSeconds(1)),
                Stage.rampTo(4).over(Duration.ofSeconds(6))));
        assertThat(driver.adjust(0, true)).isEqualTo(10);
        assertThat(driver.adjust(500 * MS, true)).isZero();
        // 6 users leave over 6 s: one per second, rounded toward the stage's start value
        assertThat(driver.adjust(1_000 * MS + 999 * MS, true)).isZero();
        assertThat(driver.adjust(2_000 * MS, true)).isEqualTo(-1);
        assertThat(driver.adjust(4_500 * MS, true)).isEqualTo(-2);
        assertThat(driver.adjust(7_000 * MS - 1, true)).isEqualTo(-2);
        assertThat(driver.running()).isEqualTo(5);
    }

    @Test
    void shouldStartNoUserWhenIterationsAreUsedUp() {
        ClosedDriver driver = new ClosedDriver(UsersProfile.rampHold(10, Duration.ofSeconds(1), null));
        assertThat(driver.adjust(500 * MS, false)).isZero();
        assertThat(driver.running()).isZero();
        assertThat(driver.ended(Long.MAX_VALUE / 2)).as("open-ended").isFalse();
        assertThat(driver.startsOver(999 * MS)).isFalse();
        assertThat(driver.startsOver(1_000 * MS)).isTrue();
    }
}
