package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.report.internal.Completion;
import dev.perfkit.report.internal.HdrLogs;
import dev.perfkit.report.internal.IntervalLogs;
import dev.perfkit.report.internal.IntervalMerger;
import dev.perfkit.report.internal.ResultMerger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Merges the outputs of the shards of one distributed test into one result, exactly.
 *
 * <p><b>Shard output.</b> Each shard writes into its own folder: its JSON result as
 * {@value #RESULT_FILE} ({@link ResultJson}) and, optionally, its HdrHistogram interval logs in the
 * sub-folder {@value #INTERVAL_LOGS} ({@link HistogramLogListener}):
 *
 * <pre>{@code
 * HistogramLogListener logs = HistogramLogListener.to(shardFolder.resolve(ShardMerge.INTERVAL_LOGS));
 * RunResult result = LoadTest.run(scenario, RunOptions.custom().addListener(logs).build());
 * ResultJson.write(result, Optional.empty(), shardFolder.resolve(ShardMerge.RESULT_FILE));
 *
 * // later, anywhere the folders can be read:
 * MergedResult merged = ShardMerge.merge(List.of(Path.of("shard-0"), Path.of("shard-1")), 2);
 * Verdict verdict = thresholds.evaluate(merged.result());
 * merged.writeReports(Path.of("merged"), Optional.of(verdict), ReportFormat.JSON, ReportFormat.HTML);
 * }</pre>
 *
 * <p><b>What is merged.</b> Counts, failures, iterations and dropped iterations are summed; latency
 * histograms are added, so every percentile is that of the union of all samples, never an average;
 * failure summaries are summed per category and message; throughput is over the merged wall-clock
 * span (earliest start to latest end). The time series is aligned on wall-clock intervals of the
 * first shard's interval length, starting at the earliest shard start: a shard's interval {@code k}
 * goes to merged interval {@code k + floor((shardStart - earliestStart) / length)}. Interval
 * percentiles are exact when every shard in the interval has interval logs; otherwise they are the
 * worst shard's, and {@link MergedResult#exactIntervalPercentiles()} says so. Gauges take the highest
 * shard value per interval; peak users is the sum of the shards' peaks (an upper bound).
 *
 * <p><b>Nothing is dropped silently.</b> Every expected shard is listed in
 * {@link MergedResult#shards()} with its {@link ShardStatus}: a folder that does not exist or has no
 * result is {@code MISSING}, a result that cannot be read or whose run failed (status FAILED or an
 * error), or that belongs to another scenario, is {@code FAILED} and left out, a run that ended early
 * is {@code INCOMPLETE} and merged. Any of these makes the result {@link MergedResult#partial()}, and
 * the merged {@link RunResult}'s status and stop reason say so ({@code partial: shard 2 MISSING: ...}).
 * Clock skew: {@link MergedResult#startSpread()} is the spread of the shard start times.
 *
 * <p>Thread-safe: the methods keep no state.
 */
public final class ShardMerge {

    /** The name of a shard's JSON result inside its folder. */
    public static final String RESULT_FILE = "result.json";
    /** The name of the folder of a shard's HdrHistogram interval logs inside its folder. */
    public static final String INTERVAL_LOGS = "intervals";

    private ShardMerge() {
    }

    /**
     * Reads and merges the outputs of the shards.
     *
     * @param outputs        one entry per shard, in shard order: its folder (holding
     *                       {@value #RESULT_FILE} and optionally {@value #INTERVAL_LOGS}/) or its
     *                       result file; entries need not exist (they are then listed as missing)
     * @param expectedShards how many shards the test had, 1 or more; shards without an entry are
     *                       listed as missing
     * @return the merged result, with every shard's outcome
     * @throws IllegalArgumentException if {@code expectedShards < 1}, more outputs than expected
     *                                  shards are given, or an output is given twice (it would be
     *                                  counted twice)
     * @throws IOException              if no shard could be merged; the message lists every shard
     *                                  and why
     */
    public static MergedResult merge(List<Path> outputs, int expectedShards) throws IOException {
        Objects.requireNonNull(outputs, "outputs");
        if (expectedShards < 1) {
            throw new IllegalArgumentException("shardMerge: expectedShards must be >= 1, was " + expectedShards);
        }
        if (outputs.size() > expectedShards) {
            throw new IllegalArgumentException("shardMerge: outputs must be at most expectedShards (" + expectedShards
                    + "), was " + outputs.size());
        }
        List<Path> seen = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Path output = Objects.requireNonNull(outputs.get(i), "shardMerge: outputs[" + i + "] must not be null");
            Path normal = output.toAbsolutePath().normalize();
            int first = seen.indexOf(normal);
            if (first >= 0) {
                throw new IllegalArgumentException("shardMerge: outputs[" + i + "] repeats outputs[" + first + "], was "
                        + output);
            }
            seen.add(normal);
        }
        List<ShardOutcome> shards = new ArrayList<>();
        List<IntervalMerger.Part> merged = new ArrayList<>();
        for (int i = 0; i < expectedShards; i++) {
            if (i >= outputs.size()) {
                shards.add(new ShardOutcome(i, "(not given)", ShardStatus.MISSING, "no output given for this shard",
                        Optional.empty()));
                continue;
            }
            shards.add(load(i, outputs.get(i), merged));
        }
        return ResultMerger.merge(shards, merged);
    }

    private static ShardOutcome load(int index, Path output, List<IntervalMerger.Part> merged) {
        String source = output.toString();
        boolean folder = Files.isDirectory(output);
        Path file = folder ? output.resolve(RESULT_FILE) : output;
        if (!Files.exists(output)) {
            return new ShardOutcome(index, source, ShardStatus.MISSING, source + " does not exist", Optional.empty());
        }
        if (!Files.isRegularFile(file)) {
            return new ShardOutcome(index, source, ShardStatus.MISSING, "no " + RESULT_FILE + " in " + source,
                    Optional.empty());
        }
        RunResult result;
        try {
            result = ResultJson.read(file).result();
        } catch (IOException | RuntimeException e) {
            return new ShardOutcome(index, source, ShardStatus.FAILED, "unreadable result: " + e.getMessage(),
                    Optional.empty());
        }
        Optional<java.time.Instant> start = Optional.of(result.start());
        if (result.status() == RunStatus.FAILED || result.error() != null) {
            return new ShardOutcome(index, source, ShardStatus.FAILED, Completion.reason(result), start);
        }
        if (!merged.isEmpty() && !merged.get(0).result().scenario().equals(result.scenario())) {
            return new ShardOutcome(index, source, ShardStatus.FAILED, "scenario \"" + result.scenario()
                    + "\" differs from \"" + merged.get(0).result().scenario() + "\"", start);
        }
        String note = "";
        Optional<Map<String, Map<Integer, Histogram>>> logs = Optional.empty();
        Path logFolder = output.resolve(INTERVAL_LOGS);
        if (folder && Files.isRegularFile(logFolder.resolve(HdrLogs.INDEX))) {
            try {
                logs = Optional.of(IntervalLogs.read(logFolder, result));
            } catch (IOException e) {
                note = "interval logs not used: " + e.getMessage();
            }
        }
        merged.add(new IntervalMerger.Part(result, logs));
        boolean complete = Completion.complete(result);
        String reason = complete ? note : Completion.reason(result) + (note.isEmpty() ? "" : "; " + note);
        return new ShardOutcome(index, source, complete ? ShardStatus.OK : ShardStatus.INCOMPLETE, reason, start);
    }
}
