package dev.perfkit.report.internal;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The charts of the HTML report, read from a {@link RunResult}: throughput, response-time
 * percentiles over time, active users, errors over time, the response-time distribution and the
 * gauges.
 *
 * <p>Per-name lines are drawn for the {@link #TOP_NAMES} busiest names (most samples) of the kind
 * the total counts (requests when an adapter recorded any, else tasks): with 100 names, a chart of
 * every one would be unreadable and large. The statistics table lists every name.
 */
public final class HtmlCharts {

    /** How many sample names get their own line beside the total. */
    public static final int TOP_NAMES = 5;
    /** How many gauges get a chart; further gauges are named but not drawn. */
    public static final int MAX_GAUGE_CHARTS = 24;
    /** Points per halving of the tail of the percentile curve, as in HdrHistogram's percentile output. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    /** The percentile axis ends at 99.9999 % at most. */
    private static final double MAX_NINES = 6;

    private HtmlCharts() {
    }

    /**
     * Returns the busiest sample names of the kind the total counts, most samples first.
     *
     * @param result the result
     * @return at most {@link #TOP_NAMES} names
     */
    public static List<SampleStats> topNames(RunResult result) {
        return result.samples().stream()
                .filter(s -> s.kind() == result.total().kind() && s.count() > 0)
                .sorted(Comparator.comparingLong(SampleStats::count).reversed())
                .limit(TOP_NAMES)
                .toList();
    }

    /**
     * Appends the charts of the run's time series and distribution.
     *
     * @param out    where to append
     * @param result the result
     */
    public static void render(StringBuilder out, RunResult result) {
        List<IntervalStats> intervals = result.intervals();
        List<SampleStats> top = topNames(result);
        double[] x = new double[intervals.size()];
        for (int i = 0; i < x.length; i++) {
            IntervalStats iv = intervals.get(i);
            x[i] = (iv.start().toNanos() + iv.length().toNanos()) / 1e9;
        }
        out.append("<section id=\"charts\"><h2>Charts</h2><div class=\"charts\">\n");
        throughput(intervals, x, top).render(out);
        percentiles(intervals, x).render(out);
        p95ByName(intervals, x, top).render(out);
        users(intervals, x).render(out);
        errors(result, x).render(out);
        distribution(result, top).render(out);
        out.append("</div></section>\n");
        gauges(out, intervals, x);
    }

    private static SvgLineChart throughput(List<IntervalStats> intervals, double[] x, List<SampleStats> top) {
        SvgLineChart chart = new SvgLineChart("chart-throughput", "Throughput", "per second", XAxis.TIME)
                .add(new SvgLineChart.Series("total", x, run(intervals, iv -> iv.total().throughput()), false));
        for (SampleStats s : top) {
            chart.add(new SvgLineChart.Series(s.name(), x,
                    perName(intervals, s.name(), 0, IntervalStats.Interval::throughput), false));
        }
        return chart;
    }

    private static SvgLineChart percentiles(List<IntervalStats> intervals, double[] x) {
        return new SvgLineChart("chart-percentiles", "Response time percentiles, total", "ms", XAxis.TIME)
                .add(new SvgLineChart.Series("p50", x, latency(intervals, IntervalStats.Interval::p50Nanos), false))
                .add(new SvgLineChart.Series("p90", x, latency(intervals, IntervalStats.Interval::p90Nanos), false))
                .add(new SvgLineChart.Series("p95", x, latency(intervals, IntervalStats.Interval::p95Nanos), false))
                .add(new SvgLineChart.Series("p99", x, latency(intervals, IntervalStats.Interval::p99Nanos), false))
                .add(new SvgLineChart.Series("max", x, latency(intervals, IntervalStats.Interval::maxNanos), true));
    }

    private static SvgLineChart p95ByName(List<IntervalStats> intervals, double[] x, List<SampleStats> top) {
        SvgLineChart chart = new SvgLineChart("chart-p95-names", "p95 response time of the busiest names", "ms",
                XAxis.TIME);
        for (SampleStats s : top) {
            chart.add(new SvgLineChart.Series(s.name(), x, perName(intervals, s.name(), Double.NaN,
                    iv -> iv.count() > iv.failures() ? iv.p95Nanos() / 1e6 : Double.NaN), false));
        }
        return chart;
    }

    private static SvgLineChart users(List<IntervalStats> intervals, double[] x) {
        return new SvgLineChart("chart-users", "Active users and iterations in flight", "count", XAxis.TIME)
                .add(new SvgLineChart.Series("active users", x, run(intervals, IntervalStats::activeUsers), false))
                .add(new SvgLineChart.Series("in flight", x, run(intervals, IntervalStats::inFlight), true));
    }

    private static SvgLineChart errors(RunResult result, double[] x) {
        List<IntervalStats> intervals = result.intervals();
        SvgLineChart chart = new SvgLineChart("chart-errors", "Errors", "failures per second", XAxis.TIME)
                .add(new SvgLineChart.Series("total", x, run(intervals, iv -> iv.total().failures() / seconds(iv)), false));
        result.samples().stream()
                .filter(s -> s.failures() > 0 && s.kind() == result.total().kind())
                .sorted(Comparator.comparingLong(SampleStats::failures).reversed())
                .limit(TOP_NAMES)
                .forEach(s -> chart.add(new SvgLineChart.Series(s.name(), x, failuresPerSecond(intervals, s.name()), false)));
        if (result.dropped() > 0) {
            chart.add(new SvgLineChart.Series("dropped arrivals", x, run(intervals, iv -> iv.dropped() / seconds(iv)), true));
        }
        return chart;
    }

    private static SvgLineChart distribution(RunResult result, List<SampleStats> top) {
        SvgLineChart chart = new SvgLineChart("chart-distribution", "Response time distribution (percentile curve)", "ms",
                XAxis.PERCENTILE);
        addCurve(chart, "total", result.total());
        for (SampleStats s : top) {
            addCurve(chart, s.name(), s);
        }
        return chart;
    }

    private static void gauges(StringBuilder out, List<IntervalStats> intervals, double[] x) {
        Set<String> names = new LinkedHashSet<>();
        for (IntervalStats iv : intervals) {
            names.addAll(iv.gauges().keySet());
        }
        if (names.isEmpty()) {
            return;
        }
        out.append("<section id=\"gauges\"><h2>Gauges</h2><div class=\"charts small\">\n");
        int drawn = 0;
        for (String name : names) {
            if (drawn == MAX_GAUGE_CHARTS) {
                break;
            }
            double[] y = run(intervals, iv -> {
                Double v = iv.gauges().get(name);
                return v == null ? Double.NaN : v;
            });
            new SvgLineChart("chart-gauge-" + drawn, name, "", XAxis.TIME)
                    .add(new SvgLineChart.Series(name, x, y, false)).render(out);
            drawn++;
        }
        out.append("</div>");
        if (names.size() > drawn) {
            out.append("<p class=\"note\">").append(names.size() - drawn)
                    .append(" more gauges are in the result but not drawn here.</p>");
        }
        out.append("</section>\n");
    }

    private static void addCurve(SvgLineChart chart, String name, SampleStats stats) {
        Histogram h = stats.responseTime().histogram();
        long count = h.getTotalCount();
        if (count == 0) {
            return;
        }
        double cap = Math.min(MAX_NINES, Math.max(1, Math.log10(count)));
        int n = 0;
        for (HistogramIterationValue ignored : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            n++;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo();
            x[i] = p >= 100 ? cap : Math.min(cap, XAxis.percentileX(p));
            y[i] = v.getValueIteratedTo() / 1e6;
            i++;
        }
        chart.add(new SvgLineChart.Series(name, x, y, false));
    }

    private static double seconds(IntervalStats iv) {
        return Math.max(1e-9, iv.length().toNanos() / 1e9);
    }

    private static double[] latency(List<IntervalStats> intervals, ToDoubleFunction<IntervalStats.Interval> nanos) {
        return run(intervals, iv -> iv.total().count() > iv.total().failures()
                ? nanos.applyAsDouble(iv.total()) / 1e6 : Double.NaN);
    }

    private static double[] perName(List<IntervalStats> intervals, String name, double absent,
                                    ToDoubleFunction<IntervalStats.Interval> f) {
        return run(intervals, iv -> {
            IntervalStats.Interval s = iv.samples().get(name);
            return s == null ? absent : f.applyAsDouble(s);
        });
    }

    private static double[] failuresPerSecond(List<IntervalStats> intervals, String name) {
        return run(intervals, iv -> {
            IntervalStats.Interval s = iv.samples().get(name);
            return s == null ? 0 : s.failures() / seconds(iv);
        });
    }

    private static double[] run(List<IntervalStats> intervals, ToDoubleFunction<IntervalStats> f) {
        double[] y = new double[intervals.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = f.applyAsDouble(intervals.get(i));
        }
        return y;
    }
}
