package dev.perfkit.report.internal;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.SampleStats;
import dev.perfkit.report.MergedResult;
import dev.perfkit.report.ShardOutcome;
import dev.perfkit.report.ShardStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the merged {@link RunResult} of the shards that could be read; see {@code ShardMerge}. */
public final class ResultMerger {

    private ResultMerger() {
    }

    /**
     * Merges the readable shards.
     *
     * @param shards every expected shard's outcome, in shard order
     * @param parts  the results to merge, those of the shards that are OK or INCOMPLETE
     * @return the merged result
     * @throws IOException if there is nothing to merge; the message lists the shards
     */
    public static MergedResult merge(List<ShardOutcome> shards, List<IntervalMerger.Part> parts) throws IOException {
        if (parts.isEmpty()) {
            throw new IOException("shardMerge: no shard result could be merged: "
                    + shards.stream().map(ShardOutcome::describe).collect(Collectors.joining("; ")));
        }
        RunResult first = parts.get(0).result();
        Instant start = parts.stream().map(p -> p.result().start()).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = parts.stream().map(p -> p.result().end()).max(Comparator.naturalOrder()).orElseThrow();
        Instant lastStart = parts.stream().map(p -> p.result().start()).max(Comparator.naturalOrder()).orElseThrow();
        Duration span = Duration.between(start, end);
        double seconds = span.toNanos() / 1e9;

        Map<String, List<SampleStats>> byName = new LinkedHashMap<>();
        List<SampleStats> totals = new ArrayList<>();
        long iterations = 0;
        long dropped = 0;
        int peakUsers = 0;
        IntervalMerger intervals = new IntervalMerger(start, intervalLength(first), first.total().kind());
        for (IntervalMerger.Part p : parts) {
            RunResult r = p.result();
            r.samples().forEach(s -> byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s));
            totals.add(r.total());
            iterations += r.iterations();
            dropped += r.dropped();
            peakUsers += r.peakUsers();
            intervals.add(p);
        }
        List<SampleStats> samples = new ArrayList<>();
        byName.values().forEach(list -> samples.add(SampleMerger.merge(list, seconds)));

        List<ShardOutcome> notOk = shards.stream().filter(s -> s.status() != ShardStatus.OK).toList();
        RunStatus status = RunStatus.COMPLETED;
        String stopReason = first.stopReason();
        if (!notOk.isEmpty()) {
            boolean lost = notOk.stream().anyMatch(s -> !s.merged());
            status = lost ? RunStatus.FAILED : parts.stream().map(p -> p.result().status())
                    .filter(s -> s != RunStatus.COMPLETED).findFirst().orElse(RunStatus.STOPPED);
            stopReason = "partial: " + notOk.size() + " of " + shards.size() + " shards not complete: "
                    + notOk.stream().map(ShardOutcome::describe).collect(Collectors.joining("; "));
        }
        RunResult result = new RunResult(first.scenario(), first.description(), first.model(), first.seed(), status,
                stopReason, start, end, span, SampleMerger.merge(totals, seconds), samples, intervals.intervals(),
                iterations, dropped, peakUsers, null);
        return new MergedResult(result, shards, Duration.between(start, lastStart), intervals.exact());
    }

    /**
     * Returns the interval length of a result: the most common length among its intervals (the last,
     * usually cut short, only when it is the only one), to the millisecond, or 1 s when it has no
     * intervals. The engine closes intervals at a fixed rate, so a late tick makes one interval
     * longer and the next shorter; the most common length is the configured one.
     *
     * @param result the result
     * @return the length, at least 1 ms
     */
    public static Duration intervalLength(RunResult result) {
        List<IntervalStats> intervals = result.intervals();
        if (intervals.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (IntervalStats i : intervals.subList(0, Math.max(1, intervals.size() - 1))) {
            counts.merge(Math.max(1, Math.round(i.length().toNanos() / 1e6)), 1, Integer::sum);
        }
        long millis = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Duration.ofMillis(millis);
    }
}
