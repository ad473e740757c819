package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of merging the shards of one test ({@link ShardMerge}): one {@link RunResult} built
 * from every readable shard, and what became of each expected shard. Immutable.
 *
 * <p>Thresholds and findings are evaluated on the merged result like on any other:
 * {@code thresholds.evaluate(merged.result())} ({@link #evaluate}). Every report is written from it;
 * {@link #writeReports} writes the JSON result with the merge's {@link #labels()}, so the file says
 * that it is merged, how many shards it holds, whether it is partial and the start spread.
 *
 * @param result                   the merged result; when {@link #partial()} its status is not
 *                                 COMPLETED and its stop reason starts with {@code partial:} and
 *                                 names each shard that is not OK
 * @param shards                   every expected shard, in shard order
 * @param startSpread              the latest minus the earliest start of the merged shards: the
 *                                 clock skew and launch delay between them, zero for one shard
 * @param exactIntervalPercentiles whether every interval's percentiles are those of the added
 *                                 interval histograms (every shard had interval logs); when false,
 *                                 some are the worst shard's. The totals' percentiles are always exact
 */
public record MergedResult(RunResult result, List<ShardOutcome> shards, Duration startSpread,
                           boolean exactIntervalPercentiles) {

    /** The prefix of the labels {@link #labels()} adds to the JSON result. */
    public static final String LABEL_PREFIX = "merge.";

    /**
     * Checks the fields and copies the list.
     *
     * @throws NullPointerException     if a field is null
     * @throws IllegalArgumentException if {@code shards} is empty or {@code startSpread} is negative
     */
    public MergedResult {
        Objects.requireNonNull(result, "result");
        shards = List.copyOf(shards);
        Objects.requireNonNull(startSpread, "startSpread");
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("mergedResult: shards must not be empty");
        }
        if (startSpread.isNegative()) {
            throw new IllegalArgumentException("mergedResult: startSpread must be >= 0, was " + startSpread);
        }
    }

    /** Returns whether any expected shard is not {@link ShardStatus#OK}: missing, failed or incomplete. */
    public boolean partial() {
        return shards.stream().anyMatch(s -> s.status() != ShardStatus.OK);
    }

    /** Returns the number of shards expected. */
    public int expectedShards() {
        return shards.size();
    }

    /** Returns the shards of a status, in shard order. */
    public List<ShardOutcome> shards(ShardStatus status) {
        return shards.stream().filter(s -> s.status() == status).toList();
    }

    /**
     * Returns the labels that describe the merge, for the JSON result: {@code merge.shards} (expected),
     * {@code merge.merged}, {@code merge.partial}, {@code merge.missing}, {@code merge.failed},
     * {@code merge.incomplete}, {@code merge.startSpread} (ISO-8601 duration),
     * {@code merge.intervalPercentiles} ({@code exact} or {@code worst-shard}) and one
     * {@code merge.shard.<index>} per shard: its status and reason.
     *
     * @return the labels, in that order
     */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_PREFIX + "shards", Integer.toString(shards.size()));
        labels.put(LABEL_PREFIX + "merged", Long.toString(shards.stream().filter(ShardOutcome::merged).count()));
        labels.put(LABEL_PREFIX + "partial", Boolean.toString(partial()));
        labels.put(LABEL_PREFIX + "missing", Integer.toString(shards(ShardStatus.MISSING).size()));
        labels.put(LABEL_PREFIX + "failed", Integer.toString(shards(ShardStatus.FAILED).size()));
        labels.put(LABEL_PREFIX + "incomplete", Integer.toString(shards(ShardStatus.INCOMPLETE).size()));
        labels.put(LABEL_PREFIX + "startSpread", startSpread.toString());
        labels.put(LABEL_PREFIX + "intervalPercentiles", exactIntervalPercentiles ? "exact" : "worst-shard");
        for (ShardOutcome s : shards) {
            labels.put(LABEL_PREFIX + "shard." + s.index(), s.status() + (s.reason().isEmpty() ? "" : ": " + s.reason()));
        }
        return labels;
    }

    /**
     * Evaluates thresholds (and their findings) on the merged result.
     *
     * @param thresholds the thresholds
     * @return the verdict
     */
    public Verdict evaluate(Thresholds thresholds) {
        return Objects.requireNonNull(thresholds, "thresholds").evaluate(result);
    }

    /**
     * Returns the JSON document of the merged result, with the merge's {@link #labels()} and the
     * environment of this JVM (the one that merged; the shards' environments are not kept).
     *
     * @param verdict the verdict, or empty
     * @return the document
     */
    public ResultDocument document(Optional<Verdict> verdict) {
        return ResultDocument.of(result, verdict, RunEnvironment.current(), labels());
    }

    /**
     * Writes reports of the merged result into a folder, as {@link Reports#writeAll} does, except that
     * the JSON result carries the merge's {@link #labels()}. The other reports show the partial state
     * through the result's status and stop reason.
     *
     * @param folder  the folder; created if missing
     * @param verdict the verdict, or empty
     * @param formats the formats; duplicates are written once
     * @return the files written, in the order of the formats
     * @throws IOException              if any format could not be written (the others are written)
     * @throws IllegalArgumentException if no format is given
     */
    public List<Path> writeReports(Path folder, Optional<Verdict> verdict, ReportFormat... formats) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(verdict, "verdict");
        if (formats.length == 0) {
            throw new IllegalArgumentException("mergedResult.writeReports: formats must not be empty");
        }
        Set<ReportFormat> distinct = new LinkedHashSet<>(List.of(formats));
        boolean json = distinct.remove(ReportFormat.JSON);
        List<Path> written = new ArrayList<>();
        IOException failure = null;
        if (json) {
            try {
                written.add(ResultJson.write(document(verdict), folder.resolve(ReportFormat.JSON.defaultName())));
            } catch (IOException e) {
                failure = e;
            }
        }
        if (!distinct.isEmpty()) {
            try {
                written.addAll(Reports.writeAll(result, verdict, folder, distinct.toArray(ReportFormat[]::new)));
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }
}
