package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Every 50th iteration fails as background noise (category {@code flaky}, a 2 % baseline); in the
 * burst run, iterations 400 to 599 of 1000 fail too (category {@code overload}). The window is
 * driven by the iteration count, not by the clock.
 */
class ErrorBurstFindingTest {

    @Test
    void shouldFindOneBurstWithItsDominantCategoryWhenIterationsFailInAWindow() throws Exception {
        RunResult result = run(true);

        assertThat(result.sample("work").orElseThrow().failures()).as("200 in the window, 16 flaky outside it").isEqualTo(216);
        assertThat(Findings.defaults().detect(result)).filteredOn(f -> f.kind().equals(Findings.ERROR_BURST))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo(SampleStats.TOTAL);
                    assertThat(f.title()).startsWith("Error burst from ").contains("(mostly overload)")
                            .endsWith("against a baseline of " + baseline(f));
                    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).startsWith("dominant failure category: overload"));
                    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).startsWith("failures by name in the burst: 'work' "));
                    assertThat(f.recommendation()).contains("'overload' failures");
                });
    }

    @Test
    void shouldFindNoBurstWhenFailuresStayAtTheBaseline() throws Exception {
        RunResult result = run(false);

        assertThat(result.sample("work").orElseThrow().failures()).isEqualTo(20);
        assertThat(Findings.defaults().detect(result)).noneMatch(f -> f.kind().equals(Findings.ERROR_BURST));
    }

    /** The baseline as the title writes it: the second evidence line says it too. */
    private static String baseline(Finding f) {
        String line = f.evidence().get(1);
        return line.substring("the run's baseline error rate (median over intervals) is ".length(), line.indexOf(';'));
    }

    /** Two users, 1000 iterations in all, 2 ms each; intervals of 100 ms. */
    private static RunResult run(boolean burst) throws InterruptedException {
        AtomicLong iteration = new AtomicLong();
        Scenario scenario = Scenario.named("burst").users(2).iterations(1_000).maxDuration(Duration.ofSeconds(30)).seed(1)
                .task(1, "work", session -> {
                    long n = iteration.getAndIncrement();
                    LockSupport.parkNanos(2_000_000);
                    if (burst && n >= 400 && n < 600) {
                        throw new TaskFailure("overload", "503 from the target");
                    }
                    if (n % 50 == 49) {
                        throw new TaskFailure("flaky", "connection reset");
                    }
                });
        return LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100)).build());
    }
}
