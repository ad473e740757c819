package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.ArrivalProfile;
import dev.perfkit.core.ArrivalRate;
import dev.perfkit.core.RateStage;
import dev.perfkit.core.Shard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Open-model arrivals split into n shards, n = 1..16: arrival k of the whole schedule happens on
 * shard (k-1) mod n at the same due time, so the shards' schedules together are the whole one.
 */
class ArrivalScheduleShardTest {

    private static List<ArrivalProfile> profiles() {
        return List.of(
                ArrivalProfile.constant(ArrivalRate.of(200).perSecond(), Duration.ofSeconds(1)),
                ArrivalProfile.constant(ArrivalRate.of(7).perSecond(), Duration.ofSeconds(1)),
                ArrivalProfile.ramp(ArrivalRate.of(0).perSecond(), ArrivalRate.of(300).perSecond(), Duration.ofSeconds(1)),
                ArrivalProfile.stages(ArrivalRate.of(50).perSecond(),
                        RateStage.rampTo(ArrivalRate.of(400).perSecond()).over(Duration.ofMillis(400)),
                        RateStage.hold(Duration.ofMillis(300)),
                        RateStage.rampTo(ArrivalRate.of(0).perSecond()).over(Duration.ofMillis(500))),
                ArrivalProfile.of(Duration.ofSeconds(1), t -> 150 + 140 * Math.sin(t * 20)));
    }

    private static List<Long> drain(ArrivalSchedule schedule) {
        List<Long> due = new ArrayList<>();
        for (long d = schedule.next(); d >= 0; d = schedule.next()) {
            due.add(d);
        }
        return due;
    }

    @Test
    void shouldGiveArrivalKToShardKMinusOneModNWhenScheduleIsSplit() {
        for (ArrivalProfile profile : profiles()) {
            List<Long> whole = drain(new ArrivalSchedule(profile));
            assertThat(whole).hasSizeGreaterThan(5);
            for (int n = 1; n <= 16; n++) {
                long total = 0;
                for (int i = 0; i < n; i++) {
                    List<Long> mine = drain(new ArrivalSchedule(profile, Shard.of(i, n)));
                    List<Long> expected = new ArrayList<>();
                    for (int k = 1; k <= whole.size(); k++) {
                        if ((k - 1) % n == i) {
                            expected.add(whole.get(k - 1));
                        }
                    }
                    assertThat(mine).as("%s, shard %d/%d", profile, i, n).isEqualTo(expected);
                    total += mine.size();
                }
                assertThat(total).as("%s split in %d", profile, n).isEqualTo(whole.size());
            }
        }
    }
}
