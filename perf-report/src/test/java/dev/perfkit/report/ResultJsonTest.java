package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {

    private static final RunEnvironment ENV = new RunEnvironment("0.1.0-test", "21.0.1", "Linux 6.1 (amd64)", 8, "ci-1");

    @TempDir
    Path dir;

    @Test
    void shouldGiveIdenticalBytesWhenWrittenReadAndWrittenAgain() throws Exception {
        Path first = ResultJson.write(ResultDocument.of(TestRuns.complete(), Optional.of(TestRuns.verdict()), ENV),
                dir.resolve("first.json"));

        Path second = ResultJson.write(ResultJson.read(first), dir.resolve("second.json"));

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void shouldReadBackTheSameResultVerdictAndEnvironmentWhenWritten() throws Exception {
        RunResult result = TestRuns.complete();
        Verdict verdict = TestRuns.verdict();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultJson.write(ResultDocument.of(result, Optional.of(verdict), ENV), out);

        ResultDocument doc = ResultJson.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(doc.schemaVersion()).isEqualTo(ResultJson.SCHEMA_VERSION);
        assertThat(doc.environment()).isEqualTo(ENV);
        assertThat(doc.verdict()).contains(verdict);
        RunResult back = doc.result();
        assertThat(back).extracting(RunResult::scenario, RunResult::description, RunResult::model, RunResult::seed,
                RunResult::status, RunResult::stopReason, RunResult::start, RunResult::end, RunResult::duration,
                RunResult::iterations, RunResult::dropped, RunResult::peakUsers, RunResult::error)
                .containsExactly(result.scenario(), result.description(), result.model(), result.seed(),
                        result.status(), result.stopReason(), result.start(), result.end(), result.duration(),
                        result.iterations(), result.dropped(), result.peakUsers(), result.error());
        assertSameStats(back.total(), result.total());
        assertThat(back.samples()).hasSameSizeAs(result.samples());
        for (int i = 0; i < result.samples().size(); i++) {
            assertSameStats(back.samples().get(i), result.samples().get(i));
        }
        // Gauges that failed are NaN; JSON has no NaN, so they travel as null and come back as NaN.
        assertThat(back.intervals()).isEqualTo(result.intervals());
        assertThat(back.intervals().get(0).gauges().get("sut.up")).isNaN();
    }

    @Test
    void shouldReadBackLabelsInTheirOrderAndGiveIdenticalBytesWhenWrittenWithLabels() throws Exception {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("url", "http://127.0.0.1:8080/?q=\"a b\"");
        labels.put("status.503", "2");
        labels.put("status.200", "98");
        labels.put("header.Authorization", "<redacted>");
        Path first = ResultJson.write(ResultDocument.of(TestRuns.complete(), Optional.empty(), ENV, labels),
                dir.resolve("labelled.json"));

        ResultDocument doc = ResultJson.read(first);
        Path second = ResultJson.write(doc, dir.resolve("again.json"));

        assertThat(doc.labels()).containsExactlyEntriesOf(labels);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readString(first)).contains("\"labels\" : {\n    \"url\" : \"http://127.0.0.1:8080/?q=\\\"a b\\\"\",");
    }

    @Test
    void shouldLeaveLabelsOutAndReadThemAsEmptyWhenThereAreNone() throws Exception {
        Path file = ResultJson.write(TestRuns.complete(), Optional.empty(), dir.resolve("plain.json"));

        ResultDocument doc = ResultJson.read(file);

        // A file without labels is what perfkit wrote before labels existed: old files still read.
        assertThat(Files.readString(file)).doesNotContain("\"labels\"");
        assertThat(doc.labels()).isEmpty();
        assertThat(Files.readAllBytes(ResultJson.write(doc, dir.resolve("again.json"))))
                .isEqualTo(Files.readAllBytes(file));
    }

    private static void assertSameStats(SampleStats back, SampleStats original) {
        assertThat(back.name()).isEqualTo(original.name());
        assertThat(back.kind()).isEqualTo(original.kind());
        assertThat(back.count()).isEqualTo(original.count());
        assertThat(back.failures()).isEqualTo(original.failures());
        assertThat(back.throughput()).isEqualTo(original.throughput());
        assertThat(back.failureSummaries()).isEqualTo(original.failureSummaries());
        assertSameLatency(back.responseTime(), original.responseTime());
        assertSameLatency(back.serviceTime(), original.serviceTime());
    }

    private static void assertSameLatency(LatencyStats back, LatencyStats original) {
        // Histogram.equals compares every recorded value's count: the distribution is exact.
        assertThat(back.histogram()).isEqualTo(original.histogram());
        assertThat(back.count()).isEqualTo(original.count());
        assertThat(back.p50Nanos()).isEqualTo(original.p50Nanos());
        assertThat(back.p999Nanos()).isEqualTo(original.p999Nanos());
        assertThat(back.meanNanos()).isEqualTo(original.meanNanos());
        assertThat(back.maxNanos()).isEqualTo(original.maxNanos());
    }

    @Test
    void shouldMarkTheRunIncompleteAndKeepItsErrorWhenTheRunFailed() throws Exception {
        RunResult failed = TestRuns.failed();
        Path file = ResultJson.write(failed, Optional.empty(), dir.resolve("failed.json"));

        ResultDocument doc = ResultJson.read(file);

        assertThat(Files.readString(file)).contains("\"complete\" : false");
        assertThat(doc.complete()).isFalse();
        assertThat(doc.result().status()).isEqualTo(RunStatus.FAILED);
        assertThat(doc.result().error()).isEqualTo(failed.error()).contains("<engine>");
        assertThat(doc.verdict()).isEmpty();
        assertThat(doc.environment().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void shouldRefuseAnUnknownSchemaVersionWhenReading() throws Exception {
        Path file = ResultJson.write(TestRuns.complete(), Optional.empty(), dir.resolve("r.json"));
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));

        assertThatIOException().isThrownBy(() -> ResultJson.read(file))
                .withMessage(file + ": schemaVersion 2 is not supported; this perfkit reads schema version 1");
    }

    @Test
    void shouldNameTheFieldWhenAFieldIsMissingOrMalformed() throws Exception {
        Path file = ResultJson.write(TestRuns.complete(), Optional.empty(), dir.resolve("r.json"));
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"peakUsers\" : \\d+", "\"peakUsers\" : \"many\""));

        assertThatIOException().isThrownBy(() -> ResultJson.read(file))
                .withMessage(file + ": run.peakUsers: expected an integer, was \"many\"");

        Files.writeString(file, json.replaceFirst("\"status\" : \"COMPLETED\"", "\"status\" : \"DONE\""));
        assertThatIOException().isThrownBy(() -> ResultJson.read(file))
                .withMessage(file + ": run.status: expected one of " + java.util.Arrays.toString(RunStatus.values()) + ", was \"DONE\"");

        Files.writeString(file, json.replaceFirst("\"histogram\" : \"[^\"]+\"", "\"histogram\" : \"bm90IGEgaGlzdG9ncmFt\""));
        assertThatIOException().isThrownBy(() -> ResultJson.read(file))
                .withMessageStartingWith(file + ": total.responseTime.histogram: not a compressed HdrHistogram");
    }

    @Test
    void shouldNameTheLabelWhenALabelIsNotTextOrLabelsNotAnObject() throws Exception {
        Path file = ResultJson.write(ResultDocument.of(TestRuns.complete(), Optional.empty(), ENV,
                Map.of("status.200", "98")), dir.resolve("r.json"));
        String json = Files.readString(file);

        Files.writeString(file, json.replace("\"status.200\" : \"98\"", "\"status.200\" : 98"));
        assertThatIOException().isThrownBy(() -> ResultJson.read(file))
                .withMessage(file + ": labels[status.200]: expected a string, was NUMBER");

        Files.writeString(file, json.replaceFirst("\"labels\" : \\{[^}]*}", "\"labels\" : [ ]"));
        assertThatIOException().isThrownBy(() -> ResultJson.read(file))
                .withMessage(file + ": labels: expected an object, was ARRAY");

        Files.writeString(file, json.replace("\"status.200\" :", "\" \" :"));
        assertThatIOException().isThrownBy(() -> ResultJson.read(file))
                .withMessage(file + ": resultDocument: label name must not be blank, was \" \"");
    }

    @Test
    void shouldRefuseAFileThatIsNotAPerfkitResult() throws Exception {
        Path file = Files.writeString(dir.resolve("other.json"), "{\"name\": \"x\"}", StandardCharsets.UTF_8);

        assertThatIOException().isThrownBy(() -> ResultJson.read(file))
                .withMessage(file + ": not a perfkit result (the field \"format\" must be \"perfkit-result\")");
    }

    @Test
    void shouldLoadTheSavedResultWhenUsedAsBaseline() throws Exception {
        RunResult result = TestRuns.complete();
        Path file = Baselines.save(result, dir.resolve("baselines/shop.json"));

        RunResult baseline = Baselines.load(file);

        assertThat(baseline.total().responseTime().histogram()).isEqualTo(result.total().responseTime().histogram());
        assertThat(baseline.intervals()).isEqualTo(result.intervals());
        assertThat(ResultJson.read(file).verdict()).isEmpty();
    }
}
