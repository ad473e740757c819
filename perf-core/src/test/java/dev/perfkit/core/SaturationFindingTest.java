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

    private static RunResult rising(int maxUsers, Task task) throws InterruptedException {
        Scenario scenario = Scenario.named("rising")
                .usersProfile(Duration.ofMillis(600L * maxUsers), elapsed -> 1 + (int) (elapsed.toMillis() / 600))
                .task(1, "serve", task).seed(1);
        return LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(250)).build());
    }
}
