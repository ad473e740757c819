package dev.perfkit.core.internal;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Findings;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadModel;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Saturation: the knee of throughput against load, confirmed by flat throughput and rising latency
 * past it. See {@link Findings} for the rule; the levels come from {@link LoadLevels}.
 */
public final class SaturationKnee {

    private SaturationKnee() {
    }

    /**
     * One load level: the load, the throughput achieved and the mean response time there.
     *
     * @param load        users (closed model) or offered arrivals per second (open model)
     * @param throughput  samples per second
     * @param meanNanos   the mean response time of successful samples, in nanoseconds
     * @param intervals   the intervals the level was measured over
     */
    public record Level(double load, double throughput, double meanNanos, int intervals) {
    }

    /** Returns a saturation finding, or none. */
    public static List<Finding> detect(RunResult result, Findings options) {
        List<Level> levels = LoadLevels.of(result);
        int knee = knee(levels);
        if (knee < 0 || levels.size() < Findings.MIN_SATURATION_LEVELS || levels.size() - knee < 3) {
            return List.of();
        }
        Level at = levels.get(knee);
        Level top = levels.get(levels.size() - 1);
        double perLoadAtKnee = at.throughput() / at.load();
        List<Level> past = levels.subList(knee, levels.size());
        double gainPast = LinearFit.of(past.stream().mapToDouble(Level::load).toArray(),
                past.stream().mapToDouble(Level::throughput).toArray(), 0.95).slope();
        double latencyRise = at.meanNanos() > 0 ? top.meanNanos() / at.meanNanos() - 1 : 0;
        if (!(gainPast < options.saturationGain() * perLoadAtKnee) || latencyRise < options.saturationLatencyRise()) {
            return List.of();
        }
        boolean open = result.model() == LoadModel.OPEN;
        String unit = open ? "arrivals/s offered" : "users";
        String load = Figures.number(at.load()) + " " + unit;
        List<String> evidence = List.of(
                String.format(Locale.ROOT, "throughput %s at %s, %s at %s %s", Figures.rate(at.throughput()), load,
                        Figures.rate(top.throughput()), Figures.number(top.load()), unit),
                String.format(Locale.ROOT, "past the knee each added %s adds %.2f/s, against %.2f/s per %s at the knee"
                        + " (limit %s of it)", open ? "arrival/s" : "user", gainPast, perLoadAtKnee, open ? "arrival/s" : "user",
                        Figures.percent(options.saturationGain())),
                String.format(Locale.ROOT, "mean response time %s at %s, %s at %s %s: +%s (limit +%s)",
                        Figures.millis(at.meanNanos()), load, Figures.millis(top.meanNanos()), Figures.number(top.load()), unit,
                        Figures.percent(latencyRise), Figures.percent(options.saturationLatencyRise())),
                "the knee was found over " + levels.size() + " load levels from " + Figures.number(levels.get(0).load())
                        + " to " + Figures.number(top.load()) + " " + unit);
        String title = String.format(Locale.ROOT, "Saturation at about %s: throughput stays near %s while response time"
                + " rises %s", load, Figures.rate(at.throughput()), Figures.percent(latencyRise));
        String recommendation = "The system stops scaling at about " + load + ": find the resource that is full there (CPU,"
                + " a connection or thread pool, a lock) from the gauges or a profiler; load past this point only adds"
                + " queueing.";
        return List.of(new Finding(Findings.SATURATION, SampleStats.TOTAL, title, evidence, recommendation));
    }

    /**
     * Returns the index of the knee of throughput against load ("kneedle"): the level farthest
     * above the straight line from the first to the last level, with both axes scaled to 0..1.
     *
     * @param levels the levels, ordered by load
     * @return the index, or -1 with fewer than 3 levels or a flat curve
     */
    public static int knee(List<Level> levels) {
        if (levels.size() < 3) {
            return -1;
        }
        double minLoad = levels.get(0).load();
        double maxLoad = levels.get(levels.size() - 1).load();
        double minX = levels.stream().mapToDouble(Level::throughput).min().orElse(0);
        double maxX = levels.stream().mapToDouble(Level::throughput).max().orElse(0);
        if (maxLoad <= minLoad || maxX <= minX) {
            return -1;
        }
        int best = -1;
        double bestDistance = 0;
        for (int i = 0; i < levels.size(); i++) {
            double load = (levels.get(i).load() - minLoad) / (maxLoad - minLoad);
            double throughput = (levels.get(i).throughput() - minX) / (maxX - minX);
            double distance = throughput - load;
            if (distance > bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    /** Turns intervals into load levels. */
    static final class LoadLevels {

        private static final int OPEN_BINS = 10;

        private LoadLevels() {
        }

        static List<Level> of(RunResult result) {
            List<IntervalStats> intervals = result.intervals();
            if (result.model() == LoadModel.OPEN) {
                return open(intervals);
            }
            List<IntervalStats> stable = new ArrayList<>();
            for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i).activeUsers() == intervals.get(i - 1).activeUsers()) {
                    stable.add(intervals.get(i));
                }
            }
            List<Level> levels = closed(stable);
            return levels.size() >= Findings.MIN_SATURATION_LEVELS ? levels : closed(intervals);
        }

        private static List<Level> closed(List<IntervalStats> intervals) {
            TreeMap<Integer, List<IntervalStats>> byUsers = new TreeMap<>();
            for (IntervalStats interval : intervals) {
                if (interval.activeUsers() > 0 && interval.total().count() > 0) {
                    byUsers.computeIfAbsent(interval.activeUsers(), k -> new ArrayList<>()).add(interval);
                }
            }
            List<Level> levels = new ArrayList<>();
            byUsers.forEach((users, list) -> addLevel(levels, users, list));
            return levels;
        }

        /**
         * Offered rate per interval: what ended, was dropped, or is newly in flight. Intervals without
         * arrivals are left out.
         */
        private static List<Level> open(List<IntervalStats> intervals) {
            List<double[]> offered = new ArrayList<>();
            int previousInFlight = 0;
            for (int i = 0; i < intervals.size(); i++) {
                IntervalStats interval = intervals.get(i);
                double seconds = interval.length().toNanos() / 1e9;
                double arrivals = interval.total().count() + interval.dropped() + interval.inFlight() - previousInFlight;
                previousInFlight = interval.inFlight();
                // no arrivals: the schedule ended or paused, and the interval only drains the backlog
                if (seconds > 0 && interval.total().count() > 0 && arrivals > 0) {
                    offered.add(new double[] {arrivals / seconds, i});
                }
            }
            if (offered.size() < Findings.MIN_SATURATION_LEVELS) {
                return List.of();
            }
            offered.sort(Comparator.comparingDouble(o -> o[0]));
            double min = offered.get(0)[0];
            double width = (offered.get(offered.size() - 1)[0] - min) / OPEN_BINS;
            TreeMap<Integer, List<IntervalStats>> bins = new TreeMap<>();
            TreeMap<Integer, Double> offeredSum = new TreeMap<>();
            for (double[] o : offered) {
                int bin = width == 0 ? 0 : Math.min(OPEN_BINS - 1, (int) ((o[0] - min) / width));
                bins.computeIfAbsent(bin, k -> new ArrayList<>()).add(intervals.get((int) o[1]));
                offeredSum.merge(bin, o[0], Double::sum);
            }
            List<Level> levels = new ArrayList<>();
            bins.forEach((bin, list) -> addLevel(levels, offeredSum.get(bin) / list.size(), list));
            return levels;
        }

        private static void addLevel(List<Level> levels, double load, List<IntervalStats> intervals) {
            long count = 0;
            long successes = 0;
            double seconds = 0;
            double weightedMean = 0;
            for (IntervalStats interval : intervals) {
                count += interval.total().count();
                long ok = interval.total().count() - interval.total().failures();
                successes += ok;
                weightedMean += interval.total().meanNanos() * ok;
                seconds += interval.length().toNanos() / 1e9;
            }
            if (successes > 0 && seconds > 0) {
                levels.add(new Level(load, count / seconds, weightedMean / successes, intervals.size()));
            }
        }
    }
}
