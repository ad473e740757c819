package dev.perfkit.core.internal;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.Rule;
import dev.perfkit.core.Statistic;
import dev.perfkit.core.Subject;
import dev.perfkit.core.internal.RuleEvaluator.Observation;
import java.time.Duration;
import java.util.List;

/**
 * Statistics over a run of intervals, for gauges, trailing windows and the abort check.
 *
 * <p>Exact: count, failures, error rate (failures over count), throughput (count over the summed
 * lengths), mean (weighted by the successful samples of each interval), max (the largest of the
 * intervals' maxima), dropped (summed). A percentile is the <em>worst</em> interval's percentile:
 * an upper bound of the window's true percentile (if no interval has more than 5 % of its samples
 * above {@code x}, neither has their union), exact when the window is one interval, and pessimistic
 * when one short burst dominates a long window. Gauges: min, max and mean over the readings, and the
 * last reading, skipping {@code NaN} readings.
 */
final class IntervalWindow {

    private IntervalWindow() {
    }

    /**
     * Returns the intervals that overlap the last {@code window} of the run, or all of them for
     * {@link Duration#ZERO}.
     */
    static List<IntervalStats> trailing(List<IntervalStats> intervals, Duration window) {
        if (window.isZero() || intervals.isEmpty()) {
            return intervals;
        }
        IntervalStats last = intervals.get(intervals.size() - 1);
        Duration from = last.start().plus(last.length()).minus(window);
        int first = intervals.size() - 1;
        while (first > 0) {
            IntervalStats previous = intervals.get(first - 1);
            if (previous.start().plus(previous.length()).compareTo(from) <= 0) {
                break;
            }
            first--;
        }
        return intervals.subList(first, intervals.size());
    }

    /**
     * Observes a rule's statistic of one name (a sample, the total or a gauge) over intervals,
     * already cut to the rule's window by the caller for finished runs.
     */
    static Observation observe(Rule rule, List<IntervalStats> all, String name) {
        List<IntervalStats> intervals = trailing(all, rule.window());
        if (rule.subject().kind() == Subject.Kind.GAUGE) {
            return gauge(rule.statistic(), intervals, name);
        }
        boolean total = rule.subject().kind() == Subject.Kind.TOTAL;
        long count = 0;
        long failures = 0;
        long successes = 0;
        long dropped = 0;
        long nanos = 0;
        double weightedMean = 0;
        long worst = 0;
        boolean seen = total;
        for (IntervalStats i : intervals) {
            nanos += i.length().toNanos();
            dropped += i.dropped();
            IntervalStats.Interval s = total ? i.total() : i.samples().get(name);
            if (s == null) {
                continue;
            }
            seen = true;
            count += s.count();
            failures += s.failures();
            long ok = s.count() - s.failures();
            successes += ok;
            weightedMean += s.meanNanos() * ok;
            if (ok > 0) {
                worst = Math.max(worst, pick(rule.statistic(), s));
            }
        }
        Statistic st = rule.statistic();
        String note = rule.wholeRun() ? "" : "over " + intervals.size() + " interval" + (intervals.size() == 1 ? "" : "s");
        if (st.isTime() && st != Statistic.MEAN && st != Statistic.MAX) {
            note = join(note, "worst interval's " + st.id());
        }
        double value = switch (st) {
            case MEAN -> successes == 0 ? Double.NaN : weightedMean / successes / 1e6;
            case P50, P90, P95, P99, MAX -> successes == 0 ? Double.NaN : worst / 1e6;
            case ERROR_RATE -> count == 0 ? 0 : (double) failures / count;
            case THROUGHPUT -> nanos == 0 ? 0 : count / (nanos / 1e9);
            case COUNT -> count;
            case FAILURES -> failures;
            case DROPPED -> dropped;
            default -> throw new IllegalStateException(st.id() + " is not kept per interval");
        };
        if (st.isTime() && successes == 0) {
            note = join(note, "no successful sample to time");
        }
        return new Observation(total ? "total" : name, value, note, !seen);
    }

    private static long pick(Statistic statistic, IntervalStats.Interval s) {
        return switch (statistic) {
            case P50 -> s.p50Nanos();
            case P90 -> s.p90Nanos();
            case P95 -> s.p95Nanos();
            case P99 -> s.p99Nanos();
            case MAX -> s.maxNanos();
            default -> 0;
        };
    }

    private static Observation gauge(Statistic statistic, List<IntervalStats> intervals, String name) {
        double min = Double.NaN;
        double max = Double.NaN;
        double sum = 0;
        double last = Double.NaN;
        int readings = 0;
        boolean seen = false;
        for (IntervalStats i : intervals) {
            Double v = i.gauges().get(name);
            if (v == null) {
                continue;
            }
            seen = true;
            if (v.isNaN()) {
                continue;
            }
            readings++;
            sum += v;
            last = v;
            min = Double.isNaN(min) ? v : Math.min(min, v);
            max = Double.isNaN(max) ? v : Math.max(max, v);
        }
        double value = switch (statistic) {
            case MIN -> min;
            case MAX -> max;
            case LAST -> last;
            case MEAN -> readings == 0 ? Double.NaN : sum / readings;
            default -> throw new IllegalStateException(statistic.id() + " does not apply to a gauge");
        };
        String note = readings == 0 ? "no valid reading" : "over " + readings + " reading" + (readings == 1 ? "" : "s");
        return new Observation(name, value, note, !seen);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
