package dev.perfkit.core.internal;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Findings;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Connection pool exhaustion from the pool gauges of a run ({@code <pool>.waiting},
 * {@code <pool>.active}, {@code <pool>.max}) and its {@code <pool>.acquire} timing. Shared by
 * {@link Findings} and perf-jdbc's {@code PoolExhaustionCheck}, so both decide the same way.
 *
 * <p>The gauges are read once per interval, at its end: the share of time with waiters is
 * estimated from those points, and short waits that never span an interval's end show through the
 * acquire time instead.
 */
public final class PoolExhaustion {

    /** The gauge suffix of the users waiting for a connection. */
    public static final String WAITING = ".waiting";
    /** The gauge suffix of the connections lent out. */
    public static final String ACTIVE = ".active";
    /** The gauge suffix of the pool's maximum size. */
    public static final String MAX = ".max";
    /** The timing suffix of connection acquisition. */
    public static final String ACQUIRE = ".acquire";

    private PoolExhaustion() {
    }

    /**
     * The figures of one pool over one run and whether they cross the criteria.
     *
     * @param pool             the pool's name
     * @param exhausted        whether a criterion was crossed
     * @param waitingShare     the share of the run, 0 to 1, whose intervals ended with waiters; NaN without the gauge
     * @param intervalsWithWaiters the intervals that ended with waiters
     * @param intervalsWithGauge   the intervals with a value of the waiting gauge
     * @param peakWaiting      the most users seen waiting; NaN without the gauge
     * @param peakActive       the most connections seen lent out; NaN without the gauge
     * @param maxSize          the pool's maximum size; NaN without the gauge
     * @param acquireNanos     the acquire time at the percentile; -1 without the timing
     * @param acquireMaxNanos  the longest acquire time; -1 without the timing
     * @param acquisitions     the connections asked for
     * @param evidence         the figures as sentences
     */
    public record Analysis(String pool, boolean exhausted, double waitingShare, int intervalsWithWaiters,
                           int intervalsWithGauge, double peakWaiting, double peakActive, double maxSize,
                           long acquireNanos, long acquireMaxNanos, long acquisitions, List<String> evidence) {

        /** Returns whether the run held the pool's waiting gauge or its acquire timing. */
        public boolean hasData() {
            return intervalsWithGauge > 0 || acquireNanos >= 0;
        }

        /** Returns what to do, for an exhausted pool. */
        public String recommendation() {
            if (!Double.isNaN(maxSize) && !Double.isNaN(peakWaiting)) {
                return String.format(Locale.ROOT, "Pool '%s' ran out of connections: raise maxSize above %.0f (up to %.0f users"
                        + " held or waited for one at once), make statements hold a connection for less time, or lower the"
                        + " concurrency.", pool, maxSize, peakActive + peakWaiting);
            }
            return "Pool '" + pool + "' ran out of connections: raise its maxSize, make statements hold a connection for less"
                    + " time, or lower the concurrency.";
        }
    }

    /** Returns a pool_exhaustion finding for each pool found by its waiting gauge that was exhausted, worst first. */
    public static List<Finding> detect(RunResult result, Findings options) {
        Set<String> pools = new LinkedHashSet<>();
        for (IntervalStats interval : result.intervals()) {
            for (String gauge : interval.gauges().keySet()) {
                if (gauge.endsWith(WAITING) && gauge.length() > WAITING.length()) {
                    pools.add(gauge.substring(0, gauge.length() - WAITING.length()));
                }
            }
        }
        List<Analysis> exhausted = new ArrayList<>();
        for (String pool : pools) {
            Analysis a = analyze(result, pool, options.poolWaitingShare(), options.poolAcquireTime().toNanos(),
                    Findings.POOL_ACQUIRE_PERCENTILE);
            if (a.exhausted()) {
                exhausted.add(a);
            }
        }
        exhausted.sort(Comparator.comparingDouble((Analysis a) -> Double.isNaN(a.waitingShare()) ? 0 : a.waitingShare())
                .reversed());
        List<Finding> findings = new ArrayList<>();
        for (Analysis a : exhausted) {
            String title = title(a.pool(), a.waitingShare(), a.acquireNanos(), Findings.POOL_ACQUIRE_PERCENTILE);
            findings.add(new Finding(Findings.POOL_EXHAUSTION, a.pool(), title, a.evidence(), a.recommendation()));
        }
        return findings;
    }

    /**
     * Returns the one-line title of an exhausted pool: the share of the run with waiters when
     * there were any at interval ends, else the acquire time.
     *
     * @param pool              the pool's name
     * @param waitingShare      the share of the run with waiters, or NaN
     * @param acquireNanos      the acquire time at the percentile, or -1
     * @param acquirePercentile the percentile
     * @return the title
     */
    public static String title(String pool, double waitingShare, long acquireNanos, double acquirePercentile) {
        if (!Double.isNaN(waitingShare) && waitingShare > 0) {
            return "Pool '" + pool + "' exhausted: users waited for a connection during " + Figures.percent(waitingShare)
                    + " of the run";
        }
        return "Pool '" + pool + "' exhausted: acquiring a connection took " + Figures.millis(acquireNanos) + " at p"
                + Figures.number(acquirePercentile);
    }

    /**
     * Analyses one pool over one run.
     *
     * @param result            the run's result
     * @param pool              the pool's name
     * @param maxWaitingShare   the share of the run with waiters above which the pool is exhausted
     * @param maxAcquireNanos   the acquire time above which the pool is exhausted
     * @param acquirePercentile the percentile of acquire time compared with it, 0 to 100
     * @return the analysis; without data, one that is not exhausted and whose evidence says so
     */
    public static Analysis analyze(RunResult result, String pool, double maxWaitingShare, long maxAcquireNanos,
                                   double acquirePercentile) {
        String waitingGauge = pool + WAITING;
        long withGauge = 0;
        long withWaiters = 0;
        int intervalsWithWaiters = 0;
        int intervalsWithGauge = 0;
        double peakWaiting = Double.NaN;
        double peakActive = Double.NaN;
        double maxSize = Double.NaN;
        for (IntervalStats interval : result.intervals()) {
            Double waiting = interval.gauges().get(waitingGauge);
            if (waiting == null || waiting.isNaN()) {
                continue;
            }
            long length = interval.length().toNanos();
            withGauge += length;
            intervalsWithGauge++;
            if (waiting > 0) {
                withWaiters += length;
                intervalsWithWaiters++;
            }
            peakWaiting = max(peakWaiting, waiting);
            peakActive = max(peakActive, interval.gauges().get(pool + ACTIVE));
            maxSize = max(maxSize, interval.gauges().get(pool + MAX));
        }
        double waitingShare = intervalsWithGauge == 0 ? Double.NaN : withGauge == 0 ? 0 : (double) withWaiters / withGauge;

        Optional<SampleStats> acquire = result.sample(pool + ACQUIRE);
        long acquireAt = acquire.map(s -> s.responseTime().percentileNanos(acquirePercentile)).orElse(-1L);
        long acquireMax = acquire.map(s -> s.responseTime().maxNanos()).orElse(-1L);
        long acquisitions = acquire.map(SampleStats::count).orElse(0L);

        boolean tooMuchWaiting = !Double.isNaN(waitingShare) && waitingShare > maxWaitingShare;
        boolean slowAcquire = acquireAt > maxAcquireNanos;

        List<String> evidence = new ArrayList<>();
        if (!Double.isNaN(waitingShare)) {
            evidence.add(String.format(Locale.ROOT, "virtual users waited for a connection in %d of %d intervals (%.0f%% of"
                    + " the run; limit %.0f%%), up to %.0f at once", intervalsWithWaiters, intervalsWithGauge,
                    waitingShare * 100, maxWaitingShare * 100, peakWaiting));
            evidence.add(String.format(Locale.ROOT, "pool max size %.0f, up to %.0f connections in use at once", maxSize,
                    peakActive));
        }
        if (acquireAt >= 0) {
            evidence.add(String.format(Locale.ROOT, "acquire time p%s %s (limit %s), max %s, over %d acquisitions",
                    Figures.number(acquirePercentile), Figures.millis(acquireAt), Figures.millis(maxAcquireNanos),
                    Figures.millis(acquireMax), acquisitions));
        }
        if (evidence.isEmpty()) {
            evidence.add("the result holds no gauge '" + waitingGauge + "' and no timing '" + pool + ACQUIRE + "'");
        }
        return new Analysis(pool, tooMuchWaiting || slowAcquire, waitingShare, intervalsWithWaiters, intervalsWithGauge,
                peakWaiting, peakActive, maxSize, acquireAt, acquireMax, acquisitions, List.copyOf(evidence));
    }

    private static double max(double current, Double value) {
        if (value == null || value.isNaN()) {
            return current;
        }
        return Double.isNaN(current) ? value : Math.max(current, value);
    }
}
