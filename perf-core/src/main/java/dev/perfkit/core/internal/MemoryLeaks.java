package dev.perfkit.core.internal;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Findings;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Memory leaks: a memory gauge whose least-squares slope over the run after its warm-up is
 * positive with confidence and material. See {@link Findings} for the rule.
 *
 * <p>A {@code .memory.afterGc} gauge repeats its value until the next collection; repeated values
 * are dropped so that each point is a collection, not a copy of the last one.
 */
public final class MemoryLeaks {

    static final String AFTER_GC = ".memory.afterGc";
    static final String MEMORY = ".memory";

    private MemoryLeaks() {
    }

    /** Returns a memory_leak finding for each leaking gauge, fastest growth first. */
    public static List<Finding> detect(RunResult result, Findings options) {
        List<String> gauges = memoryGauges(result.intervals());
        List<Leak> leaks = new ArrayList<>();
        for (String gauge : gauges) {
            Leak leak = analyze(result.intervals(), gauge, options);
            if (leak != null) {
                leaks.add(leak);
            }
        }
        leaks.sort(Comparator.comparingDouble((Leak l) -> l.growthShare).reversed());
        return leaks.stream().map(l -> l.finding).toList();
    }

    /** The {@code .memory.afterGc} gauges, and the {@code .memory} gauges of labels without one. */
    static List<String> memoryGauges(List<IntervalStats> intervals) {
        Set<String> names = new LinkedHashSet<>();
        for (IntervalStats interval : intervals) {
            names.addAll(interval.gauges().keySet());
        }
        List<String> chosen = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(AFTER_GC) && name.length() > AFTER_GC.length()) {
                chosen.add(name);
            } else if (name.endsWith(MEMORY) && name.length() > MEMORY.length()
                    && !names.contains(name.substring(0, name.length() - MEMORY.length()) + AFTER_GC)) {
                chosen.add(name);
            }
        }
        return chosen;
    }

    private record Leak(double growthShare, Finding finding) {
    }

    private static Leak analyze(List<IntervalStats> intervals, String gauge, Findings options) {
        boolean afterGc = gauge.endsWith(AFTER_GC);
        int skip = (int) Math.ceil(options.leakWarmUp() * intervals.size());
        List<double[]> points = new ArrayList<>();
        double last = Double.NaN;
        for (int i = skip; i < intervals.size(); i++) {
            IntervalStats interval = intervals.get(i);
            Double value = interval.gauges().get(gauge);
            if (value == null || value.isNaN() || value.isInfinite()) {
                continue;
            }
            if (afterGc && value == last) {
                continue;
            }
            last = value;
            double endSeconds = interval.start().plus(interval.length()).toNanos() / 1e9;
            points.add(new double[] {endSeconds, value});
        }
        if (points.size() < options.leakMinPoints()) {
            return null;
        }
        double from = points.get(0)[0];
        double to = points.get(points.size() - 1)[0];
        if (to - from < options.leakMinDuration().toNanos() / 1e9) {
            return null;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        LinearFit fit = LinearFit.of(x, y, options.leakConfidence());
        double startLevel = fit.at(from);
        double growth = fit.slope() * (to - from);
        double growthShare = startLevel > 0 ? growth / startLevel : Double.POSITIVE_INFINITY;
        if (!fit.risingWithConfidence() || growthShare < options.leakMinGrowth()) {
            return null;
        }
        String perMinute = Figures.bytes(fit.slope() * 60) + " per minute";
        List<String> evidence = List.of(
                String.format(Locale.ROOT, "%s rose from %s to %s (fitted) between %s and %s of the run: +%s",
                        gauge, Figures.bytes(startLevel), Figures.bytes(fit.at(to)), Figures.seconds(from), Figures.seconds(to),
                        Figures.percent(growthShare)),
                String.format(Locale.ROOT, "slope %s, %s confidence interval %s to %s per minute, over %d points",
                        perMinute, Figures.percent(options.leakConfidence()), Figures.bytes(fit.slopeLow() * 60),
                        Figures.bytes(fit.slopeHigh() * 60), fit.n()),
                String.format(Locale.ROOT, "the first %d of %d intervals were left out as warm-up%s", skip, intervals.size(),
                        afterGc ? "; each point is a new value after a garbage collection" : ""));
        String recommendation = afterGc
                ? "Memory still in use after garbage collection keeps growing: take two heap dumps some minutes apart"
                        + " (jcmd <pid> GC.heap_dump) and compare which objects grow; look for caches, listeners and"
                        + " collections without a bound."
                : "Memory keeps growing; this gauge includes garbage not yet collected, so confirm with the memory after"
                        + " garbage collection (a '.memory.afterGc' gauge) or a longer run, then compare two heap dumps.";
        Finding finding = new Finding(Findings.MEMORY_LEAK, gauge, "Memory leak suspected: " + gauge + " grows "
                + perMinute, evidence, recommendation);
        return new Leak(growthShare, finding);
    }
}
