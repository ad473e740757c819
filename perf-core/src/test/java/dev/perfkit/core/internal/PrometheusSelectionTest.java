package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfkit.core.internal.PrometheusSelection.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusSelectionTest {

    private static final long SECOND = 1_000_000_000L;

    private final List<String> missing = new ArrayList<>();

    @Test
    void shouldSumMatchingSamplesWhenLabelsSelectPartOfAMetric() {
        PrometheusSelection selection = new PrometheusSelection(List.of(
                new Series("heap", "jvm_memory_used_bytes", Map.of("area", "heap"), false),
                new Series("all", "jvm_memory_used_bytes", Map.of(), false),
                new Series("eden", "jvm_memory_used_bytes", Map.of("area", "heap", "id", "Eden"), false)));

        double[] values = selection.values(PrometheusText.parse("""
                jvm_memory_used_bytes{area="heap",id="Eden"} 100
                jvm_memory_used_bytes{area="heap",id="Old"} 250
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 40
                jvm_memory_used_bytes_other{area="heap"} 9999
                """), 0, missing::add);

        assertThat(values).containsExactly(350, 390, 100);
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldPublishIncreasePerSecondWhenSeriesIsARate() {
        PrometheusSelection selection = new PrometheusSelection(List.of(
                new Series("requests", "http_requests_total", Map.of(), true)));

        double first = selection.values(PrometheusText.parse("http_requests_total{code=\"200\"} 100\n"
                + "http_requests_total{code=\"500\"} 10\n"), 5 * SECOND, missing::add)[0];
        double second = selection.values(PrometheusText.parse("http_requests_total{code=\"200\"} 130\n"
                + "http_requests_total{code=\"500\"} 20\n"), 7 * SECOND, missing::add)[0];
        double afterRestart = selection.values(PrometheusText.parse("http_requests_total{code=\"200\"} 6\n"),
                8 * SECOND, missing::add)[0];

        assertThat(first).isNaN();
        assertThat(second).isCloseTo(20.0, within(1e-9));   // (150 - 110) / 2 s
        assertThat(afterRestart).isCloseTo(6.0, within(1e-9)); // counter reset: counted from 0 over 1 s
        selection.reset();                                      // a new run
        assertThat(selection.values(PrometheusText.parse("http_requests_total 50\n"), 9 * SECOND, missing::add)[0])
                .isNaN();
    }

    @Test
    void shouldGiveNaNAndReportSelectorWhenSeriesIsMissingFromScrape() {
        PrometheusSelection selection = new PrometheusSelection(List.of(
                new Series("heap", "jvm_memory_used_bytes", Map.of("area", "he\"ap"), false),
                new Series("cpu", "process_cpu_usage", Map.of(), false)));

        double[] values = selection.values(PrometheusText.parse("process_cpu_usage 0.5\n"), 0, missing::add);

        assertThat(values[0]).isNaN();
        assertThat(values[1]).isEqualTo(0.5);
        assertThat(missing).containsExactly("no sample of jvm_memory_used_bytes{area=\"he\\\"ap\"} in the scrape");
    }
}
