package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Virtual users that never block keep the carrier threads busy. Recording must still never wait
 * for a writer that cannot run: with HdrHistogram's auto-resizing Recorder, a writer that grew the
 * histogram yielded inside its critical section and the run froze while draining an interval. The
 * timeout only guards against that hang; it asserts no speed.
 */
class BusyUsersTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldFinishAndAccountExactlyWhenBusyUsersRecordEverGrowingValues() throws Exception {
        Scenario scenario = Scenario.named("busy")
                .users(64).iterationsPerUser(20_000)
                .task(1, "spin", session -> {
                    long i = session.iteration();
                    // 1 ns .. about 4.4 days, growing, then wrapping: every magnitude, beyond the range too.
                    session.recordTiming("growing", 1L << (i % 59));
                });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(10)).build());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result.sample("spin").orElseThrow().count()).isEqualTo(64 * 20_000);
        SampleStats growing = result.sample("growing").orElseThrow();
        assertThat(growing.count()).isEqualTo(64 * 20_000);
        assertThat(growing.responseTime().maxNanos()).as("longer than 1 h counts as 1 h")
                .isBetween(Duration.ofMinutes(59).toNanos(), Duration.ofMinutes(61).toNanos());
        assertThat(result.intervals().stream().mapToLong(i -> i.samples().containsKey("growing")
                ? i.samples().get("growing").count() : 0).sum()).isEqualTo(growing.count());
    }
}
