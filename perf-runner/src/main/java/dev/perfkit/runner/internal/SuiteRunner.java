package dev.perfkit.runner.internal;

import dev.perfkit.core.Comparison;
import dev.perfkit.core.ExitCode;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunHandle;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.Baselines;
import dev.perfkit.report.HistogramLogListener;
import dev.perfkit.report.ReportFormat;
import dev.perfkit.report.Reports;
import dev.perfkit.report.ShardMerge;
import dev.perfkit.runner.Suite;
import dev.perfkit.runner.SuiteContext;
import dev.perfkit.runner.SuiteScenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the scenarios of suites one after the other: applies the overrides, runs with a progress
 * line, judges against the thresholds, writes the reports into {@code out/<suite>/<scenario>/},
 * compares with a baseline and saves one. A failure of one suite or scenario is recorded as its
 * outcome and the others still run. {@link #stop()} (Ctrl-C) stops the running scenario gracefully,
 * so that what it measured is still judged and written, and skips the rest.
 */
final class SuiteRunner {

    private final RunSettings settings;
    private final PrintStream out;
    private volatile RunHandle current;
    private volatile boolean stopped;
    private boolean startAtUsed;

    SuiteRunner(RunSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    List<ScenarioOutcome> run(List<Suite> suites, SuiteContext context) throws InterruptedException {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        for (Suite suite : suites) {
            if (stopped) {
                outcomes.add(ScenarioOutcome.error(suite.name(), "-", "not run: the run was stopped"));
                continue;
            }
            List<SuiteScenario> scenarios;
            try {
                scenarios = suite.scenarios(context);
                if (scenarios == null || scenarios.isEmpty()) {
                    outcomes.add(ScenarioOutcome.error(suite.name(), "-", "the suite has no scenario"));
                    continue;
                }
            } catch (Exception e) {
                outcomes.add(ScenarioOutcome.error(suite.name(), "-", "the suite could not build its scenarios: " + e));
                continue;
            }
            try {
                for (SuiteScenario s : scenarios) {
                    outcomes.add(stopped ? ScenarioOutcome.error(suite.name(), s.name(), "not run: the run was stopped")
                            : runOne(suite.name(), s, context));
                }
            } finally {
                close(suite.name(), scenarios, outcomes);
            }
        }
        return outcomes;
    }

    private ScenarioOutcome runOne(String suite, SuiteScenario s, SuiteContext context) throws InterruptedException {
        String label = suite + "/" + s.name();
        List<String> notes = new ArrayList<>();
        OverrideApplier.Applied applied;
        try {
            applied = OverrideApplier.apply(s.scenario(), context.overrides(), context.seed());
        } catch (IllegalArgumentException e) {
            return ScenarioOutcome.error(suite, s.name(), "the overrides do not fit the scenario: " + e.getMessage());
        }
        notes.addAll(applied.notApplied());
        Scenario scenario = applied.scenario();
        if (settings.shard().isPresent()) {
            try {
                scenario = scenario.shard(settings.shard().get());
            } catch (IllegalArgumentException e) {
                return ScenarioOutcome.error(suite, s.name(), "the scenario cannot be split: " + e.getMessage());
            }
        }
        RunOptions.Builder options = s.options().toBuilder();
        if (!settings.quiet()) {
            options.addListener(new ProgressLine(out, label, settings.terminal()));
        }
        if (settings.startAt().isPresent() && !startAtUsed) {
            // the first scenario waits for the agreed instant; the next ones follow it, as on one machine
            options.startAt(settings.startAt().get());
            startAtUsed = true;
        }
        Path folder = settings.out().resolve(suite).resolve(s.name());
        HistogramLogListener intervalLogs = null;
        if (settings.formats().contains(ReportFormat.HDR_LOG)) {
            // one histogram per interval, written as the run goes: what ShardMerge needs to merge
            // the shards' interval percentiles exactly
            intervalLogs = HistogramLogListener.to(folder.resolve(ShardMerge.INTERVAL_LOGS));
            options.addListener(intervalLogs);
        }
        RunHandle handle;
        try {
            handle = LoadTest.start(scenario, options.build());
        } catch (IllegalArgumentException e) {
            return ScenarioOutcome.error(suite, s.name(), "the scenario is invalid: " + e.getMessage());
        }
        current = handle;
        if (stopped) {
            handle.stop();
        }
        RunResult result;
        try {
            result = handle.await();
        } finally {
            current = null;
        }
        Verdict verdict = s.thresholds().evaluate(result);
        if (intervalLogs != null && intervalLogs.failure().isPresent()) {
            notes.add("the interval logs could not be written: " + intervalLogs.failure().get().getMessage());
        }
        List<Path> reports = new ArrayList<>();
        boolean filed = true;
        try {
            reports.addAll(Reports.writeAll(result, Optional.of(verdict), folder,
                    settings.formats().toArray(ReportFormat[]::new)));
        } catch (IOException e) {
            filed = false;
            notes.add("reports not all written into " + folder + ": " + e.getMessage());
        }
        Optional<Comparison> comparison = compare(suite, s.name(), result, notes);
        ExitCode exit = ExitCode.of(result, verdict, comparison.orElse(null));
        if (settings.saveBaseline().isPresent()) {
            Path file = settings.saveBaseline().get().resolve(suite).resolve(s.name() + ".json");
            if (exit == ExitCode.RUN_ERROR) {
                notes.add("baseline not saved: the run went wrong");
            } else {
                try {
                    Baselines.save(result, verdict, file);
                    notes.add("baseline saved to " + file);
                } catch (IOException e) {
                    filed = false;
                    notes.add("baseline not saved to " + file + ": " + e.getMessage());
                }
            }
        }
        if (!filed) {
            exit = ExitCode.RUN_ERROR;
        }
        return new ScenarioOutcome(suite, s.name(), Optional.of(result), Optional.of(verdict), comparison, reports,
                notes, exit);
    }

    /**
     * Stops the scenario running now gracefully (its result is still judged and written) and
     * skips the scenarios not started yet. Callable from any thread, for example a shutdown hook.
     */
    void stop() {
        stopped = true;
        RunHandle handle = current;
        if (handle != null) {
            handle.stop();
        }
    }

    private Optional<Comparison> compare(String suite, String scenario, RunResult result, List<String> notes) {
        if (settings.baseline().isEmpty()) {
            return Optional.empty();
        }
        Path file = baselineFile(settings.baseline().get(), suite, scenario);
        if (file == null) {
            notes.add("no baseline for " + suite + "/" + scenario + " in " + settings.baseline().get());
            return Optional.empty();
        }
        try {
            return Optional.of(Comparison.of(Baselines.load(file), result));
        } catch (IOException | RuntimeException e) {
            notes.add("not compared with the baseline " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The baseline of a scenario: the file itself, or in a folder {@code <suite>/<scenario>.json}
     * (as {@code --save-baseline} writes) or {@code <suite>/<scenario>/result.json} (an earlier
     * {@code --out} folder); null if there is none.
     */
    static Path baselineFile(Path baseline, String suite, String scenario) {
        if (Files.isRegularFile(baseline)) {
            return baseline;
        }
        Path saved = baseline.resolve(suite).resolve(scenario + ".json");
        if (Files.isRegularFile(saved)) {
            return saved;
        }
        Path report = baseline.resolve(suite).resolve(scenario).resolve(ReportFormat.JSON.defaultName());
        return Files.isRegularFile(report) ? report : null;
    }

    private void close(String suite, List<SuiteScenario> scenarios, List<ScenarioOutcome> outcomes) {
        for (SuiteScenario s : scenarios) {
            for (AutoCloseable resource : s.resources()) {
                try {
                    resource.close();
                } catch (Exception e) {
                    outcomes.add(ScenarioOutcome.error(suite, s.name(), "a resource could not be closed: " + e));
                }
            }
        }
    }
}
