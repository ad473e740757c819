package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A target that serves 4 requests at a time, 20 ms each (a semaphore of 4 permits around a 20 ms
 * pause), can do 200 requests per second: past 4 users, throughput stays flat and the extra users
 * queue. Users rise by one every 600 ms; intervals are 250 ms, so every level has intervals that
 * start and end inside it.
 */
class SaturationFindingTest {

    @Test
    void shouldFindKneeNearFourUsersWhenTargetServesFourAtATime() throws Exception {
        Semaphore servers = new Semaphore(4, true);
        RunResult result = rising(8, session -> {
            servers.acquire();
            try {
                LockSupport.parkNanos(20_000_000);
            } finally {
                servers.release();
            }
        });

        assertThat(Findings.defaults().detect(result)).filteredOn(f -> f.kind().equals(Findings.SATURATION))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo(SampleStats.TOTAL);
                    // the corner of the ideal curve is at 4 users; one level of slack for the rounding of a real run
                    assertThat(f.title()).matches("Saturation at about [345] users: throughput stays near .*");
                    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).startsWith("past the knee each added user adds"));
                    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).startsWith("mean response time "));
                    assertThat(f.recommendation()).startsWith("The system stops scaling at about ");
                });
    }

    @Test
    void shouldFindNoSaturationWhenThroughputGrowsWithEveryUser() throws Exception {
        RunResult result = rising(6, session -> LockSupport.parkNanos(20_000_000));

        assertThat(Findings.defaults().detect(result)).noneMatch(f -> f.kind().equals(Findings.SATURATION));
    }

    @Test
    void shouldFindKneeNearTheServiceRateWhenOfferedArrivalsRiseBeyondIt() throws Exception {
        // 2 permits of 20 ms serve 100/s; arrivals ramp from 20/s to 200/s over 4 s and queue in flight past 100/s
        Semaphore servers = new Semaphore(2, true);
        Scenario scenario = Scenario.named("offered")
                .arrivals(ArrivalProfile.ramp(ArrivalRate.of(20).perSecond(), ArrivalRate.of(200).perSecond(),
                        Duration.ofSeconds(4)))
                .maxConcurrency(1_000).seed(1)
                .task(1, "serve", session -> {
                    servers.acquire();
                    try {
                        LockSupport.parkNanos(20_000_000);
                    } finally {
                        servers.release();
                    }
                });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(250)).build());

        assertThat(result.dropped()).isZero();
        assertThat(Findings.defaults().detect(result)).filteredOn(f -> f.kind().equals(Findings.SATURATION))
                .singleElement().satisfies(f -> {
                    // the offered rate is estimated per interval and binned in tenths of its range: about 18/s wide
                    String load = f.title().replaceAll("Saturation at about ([0-9.]+) arrivals/s offered: .*", "$1");
                    assertThat(Double.parseDouble(load)).isBetween(70.0, 140.0);
                    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).startsWith("past the knee each added arrival/s adds"));
                });
    }

    private static RunResult rising(int maxUsers, Task task) throws InterruptedException {
        Scenario scenario = Scenario.named("rising")
                .usersProfile(Duration.ofMillis(600L * maxUsers), elapsed -> 1 + (int) (elapsed.toMillis() / 600))
                .task(1, "serve", task).seed(1);
        return LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(250)).build());
    }
}
