package dev.perfkit.junit;

import dev.perfkit.core.Comparison;
import dev.perfkit.core.ExitCode;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RegressionPolicy;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import dev.perfkit.junit.internal.FailureMessage;
import dev.perfkit.report.Baselines;
import dev.perfkit.report.ReportFormat;
import dev.perfkit.report.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.opentest4j.AssertionFailedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load test inside a JUnit test: runs scenarios, then judges a result, writes its reports and
 * fails the test when the result is not good enough. {@link PerfkitExtension} gives one to each
 * test method that declares it as a parameter.
 *
 * <pre>{@code
 * @PerfTest
 * void checkout(PerfRun perf) throws Exception {
 *     RunResult result = perf.run(scenario);
 *     perf.compareWith(Path.of("src/test/resources/baselines/checkout.json"))   // optional
 *         .assertThresholds(result, Thresholds.forEnvironment("dev").p95("checkout").below(Duration.ofMillis(200)));
 * }
 * }</pre>
 *
 * <p>{@link #assertThresholds} fails the test, with one {@link AssertionFailedError} whose message
 * lists every reason and then the console summary of the run and verdict, when the run
 * {@link RunStatus#FAILED failed} or measured nothing, when it was {@link RunStatus#ABORTED aborted}
 * by a threshold, when a rule is {@link dev.perfkit.core.Outcome#CRITICAL critical}, or when a
 * baseline is set and the run regressed against it: the same cases, in the same order, as the
 * runner's {@link ExitCode}. A {@link dev.perfkit.core.Outcome#WARNING warning} passes and is
 * published as the report entry {@code perfkit.verdict}.
 *
 * <p>Besides the report entries (shown by IDEs, Gradle and JUnit's own reports; Surefire ignores
 * them), each judgement logs one INFO line through SLF4J with the verdict and the reports' folder.
 *
 * <p>Immutable: {@link #compareWith} returns a copy. Its runs are independent; a test may run and
 * judge several scenarios, each judgement writing its reports into its own folder. Not meant to
 * be shared between tests.
 */
public final class PerfRun {

    private static final Logger LOG = LoggerFactory.getLogger(PerfRun.class);

    private final String test;
    private final Path reportsDir;
    private final List<ReportFormat> formats;
    private final BiConsumer<String, String> publisher;
    private final Path baseline;
    private final RegressionPolicy policy;
    private final AtomicInteger judgements;

    PerfRun(String test, Path reportsDir, List<ReportFormat> formats, BiConsumer<String, String> publisher) {
        this(test, reportsDir, formats, publisher, null, RegressionPolicy.defaults(), new AtomicInteger());
    }

    private PerfRun(String test, Path reportsDir, List<ReportFormat> formats, BiConsumer<String, String> publisher,
                    Path baseline, RegressionPolicy policy, AtomicInteger judgements) {
        this.test = test;
        this.reportsDir = reportsDir;
        this.formats = List.copyOf(formats);
        this.publisher = publisher;
        this.baseline = baseline;
        this.policy = policy;
        this.judgements = judgements;
    }

    /**
     * Runs a scenario with the default options and waits for it to end ({@link LoadTest#run(Scenario)}).
     *
     * @param scenario the scenario; keep it bounded (a hold, an iteration limit or a max duration)
     * @return the result; a failed run is a result too, judged by {@link #assertThresholds}
     * @throws IllegalArgumentException if the scenario is incomplete
     * @throws InterruptedException     if the test thread is interrupted (a JUnit timeout); the run is stopped
     */
    public RunResult run(Scenario scenario) throws InterruptedException {
        return LoadTest.run(scenario);
    }

    /**
     * Runs a scenario and waits for it to end ({@link LoadTest#run(Scenario, RunOptions)}).
     *
     * @param scenario the scenario; keep it bounded
     * @param options  the run options: interval, listeners, gauges, monitors, abort rules
     * @return the result
     * @throws IllegalArgumentException if the scenario is incomplete
     * @throws InterruptedException     if the test thread is interrupted; the run is stopped
     */
    public RunResult run(Scenario scenario, RunOptions options) throws InterruptedException {
        return LoadTest.run(scenario, options);
    }

    /**
     * Returns a copy that also compares each judged result with a baseline, under the default
     * {@link RegressionPolicy}, and fails the test on a regression.
     *
     * @param baselineJson a result saved by {@link Baselines#save} (or any JSON report); read when judging
     * @return the copy
     * @throws NullPointerException if the path is null
     */
    public PerfRun compareWith(Path baselineJson) {
        return compareWith(baselineJson, RegressionPolicy.defaults());
    }

    /**
     * Returns a copy that also compares each judged result with a baseline and fails the test on a
     * regression ({@link Comparison#hasRegression()}). The comparison needs enough intervals on both
     * sides ({@link RegressionPolicy#minIntervals()}); with fewer it decides nothing and passes.
     *
     * @param baselineJson a result saved by {@link Baselines#save}; read when judging
     * @param policy       the significance and minimum effects of a regression
     * @return the copy
     * @throws NullPointerException if an argument is null
     */
    public PerfRun compareWith(Path baselineJson, RegressionPolicy policy) {
        Objects.requireNonNull(baselineJson, "perfRun.compareWith: baselineJson must not be null");
        Objects.requireNonNull(policy, "perfRun.compareWith: policy must not be null");
        return new PerfRun(test, reportsDir, formats, publisher, baselineJson, policy, judgements);
    }

    /** Returns the folder of this test's reports; a second judgement in the same test writes to {@code <folder>-run-2}, and so on. */
    public Path reportsDir() {
        return reportsDir;
    }

    /** Returns the report formats written by {@link #assertThresholds}, in order. */
    public List<ReportFormat> formats() {
        return formats;
    }

    /** Returns the baseline a judged result is compared with, if {@link #compareWith} set one. */
    public Optional<Path> baseline() {
        return Optional.ofNullable(baseline);
    }

    /**
     * Judges a result: evaluates the thresholds (not for a run that failed or measured nothing),
     * compares it with the baseline if one is set, writes the reports (with the verdict) into
     * {@link #reportsDir()}, publishes report entries, and fails the test if the result is not good
     * enough (see the class description).
     *
     * <p>Report entries: {@code perfkit.report.<format>} (for example {@code perfkit.report.html})
     * with the absolute path of each report, {@code perfkit.verdict} with the outcome and each rule
     * that did not pass, {@code perfkit.comparison} with the comparison's summary.
     *
     * @param result     the result of a run of this test
     * @param thresholds the rules; {@link Thresholds#none()} to judge only the run's status and baseline
     * @return the verdict, for further assertions
     * @throws AssertionFailedError     if the run failed, measured nothing or was aborted, a rule is
     *                                  critical, or the run regressed; its message says why, then
     *                                  holds the run's summary and the reports' folder
     * @throws IllegalArgumentException if a rule names a sample or gauge the run lacks
     *                                  ({@link Thresholds#evaluate}); the reports are written first
     * @throws IOException              if the baseline cannot be read (the reports are written first),
     *                                  or a report cannot be written (the other reports are; when the
     *                                  test fails anyway, this is suppressed in the assertion error)
     */
    public Verdict assertThresholds(RunResult result, Thresholds thresholds) throws IOException {
        Objects.requireNonNull(result, "perfRun.assertThresholds: result must not be null");
        Objects.requireNonNull(thresholds, "perfRun.assertThresholds: thresholds must not be null");
        int n = judgements.incrementAndGet();
        Path folder = n == 1 ? reportsDir : reportsDir.resolveSibling(reportsDir.getFileName() + "-run-" + n);
        boolean measured = result.status() != RunStatus.FAILED && result.total().count() > 0;
        Verdict verdict;
        try {
            verdict = measured ? thresholds.evaluate(result) : null;
        } catch (IllegalArgumentException e) {
            writeReportsBeforeThrowing(result, null, folder, e);
            throw e;
        }
        Comparison comparison = null;
        if (measured && baseline != null) {
            try {
                comparison = Comparison.of(readBaseline(), result, policy);
            } catch (IOException e) {
                writeReportsBeforeThrowing(result, verdict, folder, e);
                throw e;
            }
        }
        IOException unwritten = null;
        try {
            writeReports(result, verdict, folder);
        } catch (IOException e) {
            unwritten = e;
        }
        if (verdict != null) {
            publisher.accept("perfkit.verdict", FailureMessage.verdictEntry(verdict));
        }
        LOG.info("perfkit: {} ran '{}' ({}): {}; reports in {}", test, result.scenario(), result.status(),
                verdict == null ? "not judged" : FailureMessage.verdictEntry(verdict), folder.toAbsolutePath());
        if (comparison != null) {
            publisher.accept("perfkit.comparison", comparison.summary());
        }
        if (ExitCode.of(result, verdict, comparison) != ExitCode.PASS) {
            AssertionFailedError failure = new AssertionFailedError(
                    FailureMessage.of(test, result, verdict, comparison, baseline, folder.toAbsolutePath()));
            if (unwritten != null) {
                failure.addSuppressed(unwritten);
            }
            throw failure;
        }
        if (unwritten != null) {
            throw unwritten;
        }
        return verdict;
    }

    private RunResult readBaseline() throws IOException {
        try {
            return Baselines.load(baseline);
        } catch (IOException e) {
            throw new IOException("perfkit: " + test + ": baseline " + baseline.toAbsolutePath()
                    + " could not be read (save one with Baselines.save(result, path)): " + e.getMessage(), e);
        }
    }

    private void writeReportsBeforeThrowing(RunResult result, Verdict verdict, Path folder, Exception thrown) {
        try {
            writeReports(result, verdict, folder);
        } catch (IOException e) {
            thrown.addSuppressed(e);
        }
    }

    private void writeReports(RunResult result, Verdict verdict, Path folder) throws IOException {
        try {
            Reports.writeAll(result, Optional.ofNullable(verdict), folder, formats.toArray(ReportFormat[]::new));
        } finally {
            for (ReportFormat format : formats) {
                Path path = folder.resolve(format.defaultName()).toAbsolutePath();
                if (Files.exists(path)) {
                    publisher.accept("perfkit.report." + format.name().toLowerCase(Locale.ROOT), path.toString());
                }
            }
        }
    }
}
