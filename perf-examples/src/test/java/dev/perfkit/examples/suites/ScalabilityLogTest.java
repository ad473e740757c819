package dev.perfkit.examples.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The degradation line of the API suite's scalability steps. */
class ScalabilityLogTest {

    @Test
    void shouldCompareEveryStepWithTheFirstWhenStepsEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScalabilityLog log = new ScalabilityLog("GET /dashboard", new PrintStream(bytes, true, StandardCharsets.UTF_8));

        log.record(10, 10, Optional.of(sample(4_000_000, 500)));
        String last = log.record(20, 20, Optional.of(sample(10_000_000, 700)));

        assertThat(last).startsWith("scalability of GET /dashboard: 10 users p95 4.0 ms 500/s | 20 users p95 10.0 ms (x2.5) 700/s");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void shouldSayHowManyUsersWereReachedWhenTheRampWasCutShort() {
        ScalabilityLog log = new ScalabilityLog("GET /dashboard", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(log.record(100, 40, Optional.empty()))
                .isEqualTo("scalability of GET /dashboard: 100 users (reached 40): no GET /dashboard");
    }

    /** A sample whose every response took {@code nanos}. */
    private static SampleStats sample(long nanos, double throughput) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(nanos, 100);
        LatencyStats latency = LatencyStats.of(h);
        return new SampleStats("GET /dashboard", SampleKind.REQUEST, 100, 0, throughput, latency, latency, List.of());
    }
}
