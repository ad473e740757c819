package dev.perfkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.junit.examples.ReportSettingExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Where the reports of {@link ReportSettingExamples} go and which are written, run through the test kit. */
class ReportSettingsTest {

    private static final String CLASS_FOLDER = ReportSettingExamples.class.getName();

    @TempDir
    Path reports;

    @Test
    void shouldWriteOnlyTheConfiguredFormatsIntoTheConfiguredFolderWhenConfigurationParametersAreSet() throws IOException {
        EngineExecutionResults results = Examples.run(ReportSettingExamples.class, "configured", Map.of(
                PerfkitExtension.REPORTS_DIR, reports.toString(),
                PerfkitExtension.REPORTS_FORMATS, "html, Json"));

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        Path folder = reports.resolve(CLASS_FOLDER).resolve("configured");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "result.json");
        }
        assertThat(Examples.entries(results)).containsOnlyKeys("perfkit.report.html", "perfkit.report.json", "perfkit.verdict");
    }

    @Test
    void shouldPreferTheAnnotationWhenTheAnnotationAndTheConfigurationBothSetTheReports() throws IOException {
        Path annotated = Path.of("target/perfkit-annotated").resolve(CLASS_FOLDER).resolve("annotated");
        deleteRecursively(annotated);

        EngineExecutionResults results = Examples.run(ReportSettingExamples.class, "annotated", Map.of(
                PerfkitExtension.REPORTS_DIR, reports.toString(),
                PerfkitExtension.REPORTS_FORMATS, "html"));

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(annotated.resolve("summary.md")).exists();
        assertThat(Examples.entries(results)).containsEntry("perfkit.report.markdown",
                annotated.resolve("summary.md").toAbsolutePath().toString());
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void shouldWriteUnderTargetPerfkitWhenNothingIsConfigured() throws IOException {
        Path folder = Path.of(PerfkitExtension.DEFAULT_REPORTS_DIR).resolve(CLASS_FOLDER).resolve("configured");
        deleteRecursively(folder);

        Examples.run(ReportSettingExamples.class, "configured", Map.of())
                .testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(folder.resolve("report.html")).exists();
        assertThat(folder.resolve("csv").resolve("stats.csv")).exists();
    }

    @Test
    void shouldGiveEachJudgementAndEachInvocationItsOwnFolderWhenATestJudgesSeveralRuns() {
        Map<String, String> dir = Map.of(PerfkitExtension.REPORTS_DIR, reports.toString(),
                PerfkitExtension.REPORTS_FORMATS, "json");

        Examples.run(ReportSettingExamples.class, "twoScenarios", dir).testEvents().assertStatistics(s -> s.succeeded(1));
        Examples.run(ReportSettingExamples.class, "repeated", dir).testEvents().assertStatistics(s -> s.succeeded(2));

        Path classFolder = reports.resolve(CLASS_FOLDER);
        assertThat(Stream.of("twoScenarios", "twoScenarios-run-2", "repeated-invocation-1", "repeated-invocation-2")
                .map(name -> classFolder.resolve(name).resolve("result.json"))).allSatisfy(p -> assertThat(p).exists());
    }

    @Test
    void shouldFailNamingTheFormatWhenAConfiguredFormatIsUnknown() {
        EngineExecutionResults results = Examples.run(ReportSettingExamples.class, "configured", Map.of(
                PerfkitExtension.REPORTS_DIR, reports.toString(),
                PerfkitExtension.REPORTS_FORMATS, "html,pdf"));

        assertThat(Examples.failure(results)).isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("perfkit.reports.formats: unknown format \"pdf\" in \"html,pdf\"; known: [JSON, CSV, HTML");
        assertThat(reports).isEmptyDirectory();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
