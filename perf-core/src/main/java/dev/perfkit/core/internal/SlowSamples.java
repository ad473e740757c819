package dev.perfkit.core.internal;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Findings;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Slow samples: names whose p95 is far above the median p95 of the other names, or above a bound.
 * See {@link Findings} for the rule.
 */
public final class SlowSamples {

    private SlowSamples() {
    }

    /** Returns a slow_sample finding for each slow name, slowest first. */
    public static List<Finding> detect(RunResult result, Findings options) {
        List<SampleStats> names = result.samples().stream()
                .filter(s -> s.kind() == result.total().kind() && s.responseTime().count() > 0)
                .sorted(Comparator.comparingLong((SampleStats s) -> s.responseTime().p95Nanos()).reversed())
                .toList();
        long floor = options.slowFloor().toNanos();
        long bound = options.slowBound().map(d -> d.toNanos()).orElse(Long.MAX_VALUE);
        List<Finding> findings = new ArrayList<>();
        for (SampleStats s : names) {
            long p95 = s.responseTime().p95Nanos();
            double othersMedian = medianP95OfOthers(names, s);
            boolean farAbove = !Double.isNaN(othersMedian) && p95 >= options.slowFactor() * othersMedian && p95 >= floor;
            boolean aboveBound = p95 > bound;
            if (!farAbove && !aboveBound) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add(String.format(Locale.ROOT, "p95 %s, p50 %s, p99 %s over %d successful samples", Figures.millis(p95),
                    Figures.millis(s.responseTime().p50Nanos()), Figures.millis(s.responseTime().p99Nanos()),
                    s.responseTime().count()));
            if (!Double.isNaN(othersMedian)) {
                evidence.add(String.format(Locale.ROOT, "the median p95 of the %d other names is %s: %.1f times less (limit"
                        + " %.1f times, and at least %s)", names.size() - 1, Figures.millis(othersMedian),
                        othersMedian > 0 ? p95 / othersMedian : Double.POSITIVE_INFINITY, options.slowFactor(),
                        Figures.millis(floor)));
            }
            if (aboveBound) {
                evidence.add("above the bound of " + Figures.millis(bound) + " set for every name");
            }
            String title = farAbove && othersMedian > 0
                    ? String.format(Locale.ROOT, "Slow sample: '%s' p95 %s, %.1f times the other names' median",
                            s.name(), Figures.millis(p95), p95 / othersMedian)
                    : "Slow sample: '" + s.name() + "' p95 " + Figures.millis(p95) + " above " + Figures.millis(bound);
            findings.add(new Finding(Findings.SLOW_SAMPLE, s.name(), title, evidence, "Look at '" + s.name()
                    + "' first: profile it on the target, check its queries (plans, indexes, N+1) and what it waits on"
                    + " (locks, remote calls); compare its service time with its response time to tell work from queueing."));
        }
        return findings;
    }

    private static double medianP95OfOthers(List<SampleStats> names, SampleStats self) {
        double[] others = names.stream().filter(s -> s != self).mapToDouble(s -> s.responseTime().p95Nanos()).toArray();
        if (others.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(others);
        int mid = others.length / 2;
        return others.length % 2 == 1 ? others[mid] : (others[mid - 1] + others[mid]) / 2;
    }
}
