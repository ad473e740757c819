package dev.perfkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from a registry the listener publishes to: the text exposition format. */
class PrometheusExportTest {

    @Test
    void shouldExposeSampleNamesAsLabelsInTheScrapedTextWhenTheRunHasEnded() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        RunResult result = LoadTest.run(MicrometerListenerTest.flaky("shop"), RunOptions.custom()
                .interval(Duration.ofMillis(100))
                .addListener(MicrometerListener.custom(registry).tag("env", "ci").build())
                .build());
        String scrape = registry.scrape();

        long orders = result.sample("POST /order").orElseThrow().failures();
        assertThat(scrape).contains(
                "perfkit_samples_total{env=\"ci\",kind=\"task\",outcome=\"failure\",sample=\"POST /order\",scenario=\"shop\"} "
                        + orders + ".0",
                "# TYPE perfkit_response_time_seconds gauge",
                "perfkit_run_active{env=\"ci\",scenario=\"shop\"} 0.0");
        assertThat(scrape).containsPattern(
                "perfkit_response_time_seconds\\{env=\"ci\",kind=\"total\",sample=\"total\",scenario=\"shop\",statistic=\"p95\"} [0-9.E-]+");
        assertThat(scrape).containsPattern(
                "perfkit_throughput\\{env=\"ci\",kind=\"task\",sample=\"GET /home\",scenario=\"shop\"} [0-9.E]+");
    }
}
