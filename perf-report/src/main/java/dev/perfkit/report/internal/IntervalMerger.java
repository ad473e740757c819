package dev.perfkit.report.internal;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Aligns the time series of several shards on wall-clock intervals and adds them up. Shard interval
 * {@code k} starts at {@code shard.start + k * length}; it goes into the merged interval
 * {@code k + floor((shard.start - mergedStart) / length)}, so intervals of shards that started
 * within one interval length of each other fall together. Counts, failures, dropped iterations,
 * active users and in-flight calls are summed; gauges take the highest shard value (NaN when no
 * shard had a number). Percentiles come from the added interval histograms of the shards' interval
 * logs when every shard in the interval has them; otherwise they are the worst (highest) shard's,
 * and {@link #exact()} is false.
 */
public final class IntervalMerger {

    /**
     * One shard's contribution.
     *
     * @param result the shard's result
     * @param logs   its interval histograms per sample name and interval number, empty without logs
     */
    public record Part(RunResult result, Optional<Map<String, Map<Integer, Histogram>>> logs) {
    }

    private final Instant start;
    private final Duration length;
    private final SampleKind totalKind;
    private final TreeMap<Integer, Bucket> buckets = new TreeMap<>();
    private boolean exact = true;

    /**
     * @param start     the merged start: the earliest shard start
     * @param length    the interval length
     * @param totalKind the kind of sample the merged total counts
     */
    public IntervalMerger(Instant start, Duration length, SampleKind totalKind) {
        this.start = start;
        this.length = length;
        this.totalKind = totalKind;
    }

    /** Adds a shard's intervals. */
    public void add(Part part) {
        RunResult r = part.result();
        long shift = Math.floorDiv(Duration.between(start, r.start()).toNanos(), length.toNanos());
        Map<String, SampleKind> kinds = new LinkedHashMap<>();
        r.samples().forEach(s -> kinds.put(s.name(), s.kind()));
        for (IntervalStats i : r.intervals()) {
            Bucket b = buckets.computeIfAbsent((int) (i.index() + shift), k -> new Bucket());
            b.activeUsers += i.activeUsers();
            b.inFlight += i.inFlight();
            b.dropped += i.dropped();
            i.gauges().forEach((name, v) -> b.gauges.merge(name, v, IntervalMerger::higher));
            Histogram totalLog = null;
            boolean totalExact = part.logs().isPresent();
            for (Map.Entry<String, IntervalStats.Interval> e : i.samples().entrySet()) {
                Histogram h = part.logs().map(l -> l.getOrDefault(e.getKey(), Map.of()).get(i.index())).orElse(null);
                b.names.computeIfAbsent(e.getKey(), k -> new Sum()).add(e.getValue(),
                        h == null ? null : Optional.of(h));
                if (kinds.get(e.getKey()) == totalKind) {
                    if (h == null) {
                        totalExact = false;
                    } else {
                        totalLog = union(totalLog, h);
                    }
                }
            }
            b.total.add(i.total(), totalExact ? Optional.ofNullable(totalLog) : null);
        }
    }

    /** Returns the merged intervals, numbered from 0 on the merged start. */
    public List<IntervalStats> intervals() {
        List<IntervalStats> out = new ArrayList<>();
        if (buckets.isEmpty()) {
            return out;
        }
        double seconds = length.toNanos() / 1e9;
        for (int k = 0; k <= buckets.lastKey(); k++) {
            Bucket b = buckets.getOrDefault(k, new Bucket());
            Map<String, IntervalStats.Interval> names = new LinkedHashMap<>();
            b.names.forEach((name, sum) -> names.put(name, sum.interval(seconds)));
            out.add(new IntervalStats(k, length.multipliedBy(k), length, b.activeUsers, b.inFlight, b.dropped,
                    b.total.interval(seconds), names, b.gauges));
        }
        return out;
    }

    /** Returns whether every merged interval's percentiles come from added histograms. */
    public boolean exact() {
        return exact;
    }

    private static double higher(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /** Adds {@code h} to {@code into}, keeping the precision of the shards' histograms; null while nothing is added. */
    private static Histogram union(Histogram into, Histogram h) {
        if (h.getTotalCount() == 0) {
            return into;
        }
        if (into == null) {
            Histogram copy = h.copy();
            copy.setAutoResize(true);
            return copy;
        }
        into.add(h);
        return into;
    }

    /** The sums of one merged interval. */
    private final class Bucket {
        int activeUsers;
        int inFlight;
        long dropped;
        final Map<String, Double> gauges = new LinkedHashMap<>();
        final Map<String, Sum> names = new LinkedHashMap<>();
        final Sum total = new Sum();
    }

    /** The sums of one sample name (or the total) in one merged interval. */
    private final class Sum {
        long count;
        long failures;
        double weightedMean;
        long p50;
        long p90;
        long p95;
        long p99;
        long max;
        Histogram union;
        boolean fromLogs = true;

        /** Adds an interval; {@code logged} is its logged histogram (empty: nothing logged), null when there are no logs. */
        void add(IntervalStats.Interval i, Optional<Histogram> logged) {
            count += i.count();
            failures += i.failures();
            weightedMean += i.meanNanos() * (i.count() - i.failures());
            p50 = Math.max(p50, i.p50Nanos());
            p90 = Math.max(p90, i.p90Nanos());
            p95 = Math.max(p95, i.p95Nanos());
            p99 = Math.max(p99, i.p99Nanos());
            max = Math.max(max, i.maxNanos());
            if (logged == null) {
                fromLogs = false;
            } else if (fromLogs && logged.isPresent()) {
                union = union(union, logged.get());
            }
        }

        IntervalStats.Interval interval(double seconds) {
            double throughput = count / seconds;
            if (count == 0) {
                return new IntervalStats.Interval(0, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            if (fromLogs) {
                if (union == null) {
                    return new IntervalStats.Interval(count, failures, throughput, 0, 0, 0, 0, 0, 0);
                }
                Histogram h = union;
                return new IntervalStats.Interval(count, failures, throughput, h.getMean(),
                        h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(95),
                        h.getValueAtPercentile(99), h.getMaxValue());
            }
            exact = false;
            long successes = count - failures;
            return new IntervalStats.Interval(count, failures, throughput, successes == 0 ? 0 : weightedMean / successes,
                    p50, p90, p95, p99, max);
        }
    }
}
