package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Requests recorded the way an adapter records them, with exact times so that a busy machine
 * cannot blur them: {@code home} 1 ms, {@code cart} 1.2 ms, {@code search} 4 ms (four times the
 * others but below the 10 ms floor, like 2 ms against 0.5 ms) and {@code report} 40 ms.
 */
class SlowSampleFindingTest {

    @Test
    void shouldFlagOnlyTheNameFarAboveTheOthersAndAboveTheFloorWhenOneIsSlow() throws Exception {
        RunResult result = run();

        assertThat(Findings.defaults().detect(result)).filteredOn(f -> f.kind().equals(Findings.SLOW_SAMPLE))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("GET /report");
                    // histograms keep 2 significant digits: 40 ms reads 40.1 ms, and the others' median is cart's 1.2 ms
                    assertThat(f.title()).matches("Slow sample: 'GET /report' p95 40\\.[01] ms, 3[34]\\.\\d times the other names' median");
                    assertThat(f.evidence()).anySatisfy(e -> assertThat(e).matches("the median p95 of the 3 other names is 1\\.2 ms:"
                            + " 3[34]\\.\\d times less \\(limit 3\\.0 times, and at least 10\\.0 ms\\)"));
                    assertThat(f.recommendation()).startsWith("Look at 'GET /report' first");
                });
    }

    @Test
    void shouldFlagEveryNameAboveTheBoundWhenABoundIsSet() throws Exception {
        RunResult result = run();

        assertThat(Findings.custom().slowBound(Duration.ofMillis(3)).build().detect(result))
                .filteredOn(f -> f.kind().equals(Findings.SLOW_SAMPLE)).extracting(Finding::subject)
                .containsExactly("GET /report", "GET /search");
    }

    private static RunResult run() throws InterruptedException {
        Scenario scenario = Scenario.named("names").users(2).iterationsPerUser(50).seed(1)
                .task(1, "visit", session -> {
                    long start = session.nanoTime();
                    session.recordSuccess("GET /home", start, start + 1_000_000);
                    session.recordSuccess("GET /cart", start, start + 1_200_000);
                    session.recordSuccess("GET /search", start, start + 4_000_000);
                    session.recordSuccess("GET /report", start, start + 40_000_000);
                });
        return LoadTest.run(scenario);
    }
}
