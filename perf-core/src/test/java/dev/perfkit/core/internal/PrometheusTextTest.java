package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.internal.PrometheusText.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void shouldReadSamplesAndSkipCommentsWhenExpositionHasHelpTypeAndBlankLines() {
        String text = """
                # HELP process_cpu_usage The "recent cpu usage" for the JVM process\\n second line
                # TYPE process_cpu_usage gauge
                process_cpu_usage 0.25

                # a free comment, ignored
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space",} 1.2E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 3.5e+07
                http_requests_total 1027 1395066363000
                up{}\t1
                # EOF
                """;

        List<Sample> samples = PrometheusText.parse(text);

        assertThat(samples).containsExactly(
                new Sample("process_cpu_usage", Map.of(), 0.25, null),
                new Sample("jvm_memory_used_bytes", Map.of("area", "heap", "id", "G1 Eden Space"), 1.2e7, null),
                new Sample("jvm_memory_used_bytes", Map.of("area", "nonheap", "id", "Metaspace"), 3.5e7, null),
                new Sample("http_requests_total", Map.of(), 1027, 1395066363000L),
                new Sample("up", Map.of(), 1, null));
        assertThat(samples.get(1).labels().keySet()).containsExactly("area", "id");
    }

    @Test
    void shouldUnescapeLabelValuesWhenTheyHoldQuotesBackslashesAndNewlines() {
        Sample sample = PrometheusText.parse("""
                msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\"",empty=""} 1.458255915e9
                """).getFirst();

        assertThat(sample.labels()).containsExactly(
                Map.entry("path", "C:\\DIR\\FILE.TXT"),
                Map.entry("error", "Cannot find file:\n\"FILE.TXT\""),
                Map.entry("empty", ""));
        assertThat(sample.value()).isEqualTo(1.458255915e9);
    }

    @Test
    void shouldKeepCommasBracesAndSpacesWhenTheyAreInsideLabelValues() {
        Sample sample = PrometheusText.parse("http_server_requests_seconds_count{ uri = \"/a,b} c\" , method=\"GET\" } 7\r\n")
                .getFirst();

        assertThat(sample.labels()).containsExactly(Map.entry("uri", "/a,b} c"), Map.entry("method", "GET"));
        assertThat(sample.value()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource({"NaN, NaN", "+Inf, Infinity", "-Inf, -Infinity", "Inf, Infinity", "-0.5, -0.5", "1e3, 1000",
            ".5, 0.5", "+7, 7"})
    void shouldReadSpecialAndSignedValuesWhenTheExpositionUsesThem(String written, double expected) {
        assertThat(Double.valueOf(PrometheusText.parse("x " + written + "\n").getFirst().value())).isEqualTo(Double.valueOf(expected));
    }

    @Test
    void shouldReadHistogramAndSummaryLinesWhenLeLabelHoldsInf() {
        List<Sample> samples = PrometheusText.parse("""
                # TYPE rpc_duration_seconds histogram
                rpc_duration_seconds_bucket{le="0.05"} 24054
                rpc_duration_seconds_bucket{le="+Inf"} 144320
                rpc_duration_seconds_sum 53423
                rpc_duration_seconds_count 144320
                """);

        assertThat(samples).extracting(Sample::name).containsExactly("rpc_duration_seconds_bucket",
                "rpc_duration_seconds_bucket", "rpc_duration_seconds_sum", "rpc_duration_seconds_count");
        assertThat(samples.get(1).labels()).containsEntry("le", "+Inf");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "<html><body>Not found</body></html>|line 1: expected a metric name at column 1, found \"<html><body>Not foun\"",
            "ok 1\\nbroken|line 2: the sample of broken has no value",
            "x abc|line 1: value must be a number, NaN, +Inf or -Inf, was \"abc\"",
            "x 1.0f|line 1: value must be a number, NaN, +Inf or -Inf, was \"1.0f\"",
            "x 1 12.5|line 1: timestamp must be an integer of milliseconds, was \"12.5\"",
            "x 1 2 3|line 1: unexpected text after the timestamp: \"3\"",
            "x{a=\"b} 1|line 1: a label value is not closed by '\"'",
            "x{a=\"\\t\"} 1|line 1: invalid escape \\t in a label value at column 6",
            "x{a=b} 1|line 1: expected '\"' at column 5, found \"b} 1\"",
            "x{a=\"1\" b=\"2\"} 1|line 1: expected ',' or '}' after the value of label a at column 9",
            "x{a=\"1\",a=\"2\"} 1|line 1: label a appears twice",
            "x{1a=\"1\"} 1|line 1: expected a label name at column 3, found \"1a=\"1\"} 1\"",
            "# TYPE x countr|line 1: TYPE of x must be one of counter, gauge, histogram, summary, untyped, was \"countr\"",
            "# TYPE x gauge extra|line 1: unexpected text after the TYPE of x: \"extra\"",
            "# HELP|line 1: expected a metric name at column 7, found \"\""})
    void shouldNameLineAndProblemWhenTextIsMalformed(String text, String message) {
        assertThatThrownBy(() -> PrometheusText.parse(text.replace("\\n", "\n")))
                .isInstanceOf(PrometheusText.FormatException.class)
                .hasMessage(message);
    }

    @Test
    void shouldReturnNothingWhenTextHasOnlyCommentsAndBlankLines() {
        assertThat(PrometheusText.parse("# just a comment\n\n   \n# HELP x some help\n")).isEmpty();
        assertThat(PrometheusText.parse("")).isEmpty();
    }
}
