package dev.perfkit.core.internal;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.Finding;
import dev.perfkit.core.Findings;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Error bursts: runs of consecutive intervals whose error rate jumps above the run's baseline (the
 * median of the error rates of the intervals with samples). See {@link Findings} for the rule.
 *
 * <p>Intervals hold counts per name, not categories: the dominant category of a burst is estimated
 * from the run-wide categories of the names that failed in it, weighted by their failures in it.
 */
public final class ErrorBursts {

    private ErrorBursts() {
    }

    /** Returns an error_burst finding for each burst, most failures first. */
    public static List<Finding> detect(RunResult result, Findings options) {
        List<IntervalStats> intervals = result.intervals();
        double[] rates = intervals.stream().filter(i -> i.total().count() > 0).mapToDouble(i -> i.total().errorRate()).toArray();
        if (rates.length == 0) {
            return List.of();
        }
        Arrays.sort(rates);
        double baseline = rates.length % 2 == 1 ? rates[rates.length / 2]
                : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
        double threshold = Math.max(baseline * options.burstFactor(), baseline + options.burstMinRise());
        List<List<IntervalStats>> bursts = new ArrayList<>();
        List<IntervalStats> current = new ArrayList<>();
        for (IntervalStats interval : intervals) {
            boolean inBurst = interval.total().count() > 0 && interval.total().failures() > 0
                    && interval.total().errorRate() >= threshold;
            if (inBurst) {
                current.add(interval);
            } else if (!current.isEmpty()) {
                bursts.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            bursts.add(current);
        }
        List<long[]> order = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (List<IntervalStats> burst : bursts) {
            long count = burst.stream().mapToLong(i -> i.total().count()).sum();
            long failures = burst.stream().mapToLong(i -> i.total().failures()).sum();
            if (failures < Findings.MIN_BURST_FAILURES) {
                continue;
            }
            order.add(new long[] {failures, findings.size()});
            findings.add(finding(result, burst, count, failures, baseline, threshold));
        }
        order.sort(Comparator.comparingLong((long[] o) -> o[0]).reversed());
        return order.stream().map(o -> findings.get((int) o[1])).toList();
    }

    private static Finding finding(RunResult result, List<IntervalStats> burst, long count, long failures, double baseline,
                                   double threshold) {
        IntervalStats first = burst.get(0);
        IntervalStats last = burst.get(burst.size() - 1);
        double from = first.start().toNanos() / 1e9;
        double to = last.start().plus(last.length()).toNanos() / 1e9;
        double rate = (double) failures / count;
        double peak = burst.stream().mapToDouble(i -> i.total().errorRate()).max().orElse(0);

        Map<String, Long> failuresByName = new LinkedHashMap<>();
        for (IntervalStats interval : burst) {
            interval.samples().forEach((name, stats) -> {
                if (stats.failures() > 0) {
                    failuresByName.merge(name, stats.failures(), Long::sum);
                }
            });
        }
        Map<String, Double> byCategory = new LinkedHashMap<>();
        failuresByName.forEach((name, inBurst) -> result.sample(name)
                .filter(s -> s.kind() == result.total().kind() && s.failures() > 0)
                .ifPresent(s -> {
                    for (FailureSummary f : s.failureSummaries()) {
                        byCategory.merge(f.category(), inBurst * (double) f.count() / s.failures(), Double::sum);
                    }
                }));
        String names = failuresByName.entrySet().stream()
                .filter(e -> result.sample(e.getKey()).map(s -> s.kind() == result.total().kind()).orElse(false))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> "'" + e.getKey() + "' " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none recorded");
        Map.Entry<String, Double> dominant = byCategory.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);

        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "%d of %d samples failed (%s, up to %s in one interval) in %d intervals from"
                + " %s to %s of the run", failures, count, Figures.percent(rate), Figures.percent(peak), burst.size(),
                Figures.seconds(from), Figures.seconds(to)));
        evidence.add(String.format(Locale.ROOT, "the run's baseline error rate (median over intervals) is %s; an interval"
                + " counts from %s", Figures.percent(baseline), Figures.percent(threshold)));
        evidence.add("failures by name in the burst: " + names);
        if (dominant != null) {
            evidence.add(String.format(Locale.ROOT, "dominant failure category: %s (about %s of the burst's failures,"
                    + " estimated from the run-wide categories of the failing names: intervals keep counts only)",
                    dominant.getKey(), Figures.percent(dominant.getValue() / failures)));
        }
        String category = dominant == null ? "" : " (mostly " + dominant.getKey() + ")";
        String title = String.format(Locale.ROOT, "Error burst from %s to %s: %s errors%s against a baseline of %s",
                Figures.seconds(from), Figures.seconds(to), Figures.percent(rate), category, Figures.percent(baseline));
        String recommendation = "Line up the target's logs and gauges with " + Figures.seconds(from) + " to "
                + Figures.seconds(to) + " of the run" + (dominant == null ? "" : " and look for what causes '"
                + dominant.getKey() + "' failures") + ": a deployment, a restart, a full pool or queue, a timeout, a"
                + " dependency that failed.";
        return new Finding(Findings.ERROR_BURST, SampleStats.TOTAL, title, evidence, recommendation);
    }
}
