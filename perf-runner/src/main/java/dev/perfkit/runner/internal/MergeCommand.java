package dev.perfkit.runner.internal;

import dev.perfkit.core.Environment;
import dev.perfkit.core.ExitCode;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.MergedResult;
import dev.perfkit.report.ReportFormat;
import dev.perfkit.report.Reports;
import dev.perfkit.report.ShardMerge;
import dev.perfkit.report.ShardOutcome;
import dev.perfkit.report.ThresholdFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code perfkit merge --expected 4 --out merged/ shard-0/ shard-1/ ...}: merges the outputs of a
 * test's shards with perf-report's {@link ShardMerge}, judges the merged result and writes its
 * reports. Exit codes as {@code run}: a partial merge that lost a shard is a run error (5).
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {"Merges the result folders of a test's shards into one result, judges it and writes its reports.",
            "Each folder holds the shard's result.json and, optionally, its interval logs in intervals/.",
            "A missing or failed shard is listed and the merged result is marked partial (exit code 5)."})
final class MergeCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The shards' folders (or result files), in shard order.")
    List<Path> shards = new ArrayList<>();

    @Option(names = "--expected", paramLabel = "N", description = "How many shards the test had (default: the folders given).")
    Integer expected;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "target/perfkit-results/merged",
            description = "Output folder of the merged reports (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", defaultValue = "dev",
            converter = Converters.EnvironmentConverter.class,
            description = "Environment whose default threshold rules judge the merged result: dev, staging or "
                    + "production (default: ${DEFAULT-VALUE}).")
    Environment environment;

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "A YAML or JSON rule file that judges the merged result instead of --env's rules.")
    Path thresholdFile;

    @Mixin
    FormatOption format = new FormatOption();

    MergeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        int expectedShards = expected != null ? expected : shards.size();
        if (expectedShards < shards.size()) {
            throw new ParameterException(spec.commandLine(), "--expected must be >= the " + shards.size()
                    + " folders given, was " + expectedShards);
        }
        Thresholds thresholds;
        try {
            thresholds = thresholdFile != null ? ThresholdFiles.load(thresholdFile) : Thresholds.forEnvironment(environment);
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--thresholds: " + e.getMessage());
        }
        MergedResult merged;
        try {
            merged = ShardMerge.merge(shards, expectedShards);
        } catch (IOException e) {
            err.println("perfkit: merge: " + e.getMessage());
            return ExitCode.RUN_ERROR.code();
        }
        Verdict verdict = merged.evaluate(thresholds);
        out.print(Reports.summary(merged.result(), Optional.of(verdict)));
        for (ShardOutcome s : merged.shards()) {
            out.println(s.describe());
        }
        out.println("shard start spread: " + merged.startSpread().toMillis() + " ms"
                + (merged.exactIntervalPercentiles() ? "" : "; interval percentiles are the worst shard's"));
        List<ReportFormat> reportFormats = format.chosen();
        try {
            List<Path> files = merged.writeReports(outDir, Optional.of(verdict), reportFormats.toArray(ReportFormat[]::new));
            out.println("reports: " + (files.isEmpty() ? outDir : files.get(0).getParent()));
        } catch (IOException e) {
            err.println("perfkit: merge: " + e.getMessage());
            return ExitCode.RUN_ERROR.code();
        }
        return ExitCode.of(merged.result(), verdict, null).code();
    }
}
