package dev.perfkit.core;

import static dev.perfkit.core.SyntheticRuns.interval;
import static dev.perfkit.core.SyntheticRuns.noisy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link Comparison} on runs built interval by interval ({@link SyntheticRuns}):
 * each edge case is planted exactly. Real runs are in {@link RegressionDetectionTest}.
 */
class ComparisonTest {

    private static final long MS5 = 5_000_000;
    private static final String LOAD = "shop: closed, 4 users";

    @Test
    void shouldFlagRegressionWhenIntervalMediansAreTwentyPercentSlower() {
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("GET /a", noisy(20, 40, 0, MS5, 0.05, 1)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("GET /a", noisy(20, 40, 0, MS5 * 6 / 5, 0.05, 2)).build();

        Comparison c = Comparison.of(baseline, current);

        SampleComparison a = c.sample("GET /a").orElseThrow();
        assertThat(a.decision()).isEqualTo(ChangeDecision.REGRESSION);
        ChangeTest latency = a.test(ChangeTest.Kind.LATENCY).orElseThrow();
        assertThat(latency.effect()).isCloseTo(0.20, within(0.04));
        assertThat(latency.pValue()).isLessThan(1e-4);
        assertThat(latency.baselineN()).isEqualTo(20);
        assertThat(latency.statistic()).isGreaterThan(20 * 20 / 2.0);
        assertThat(a.reason()).startsWith("p50 per interval +").contains("p = ");
        assertThat(a.p50().relative()).isCloseTo(0.20, within(0.06));
        assertThat(c.hasRegression()).isTrue();
        assertThat(c.regressions()).extracting(SampleComparison::name).containsExactly(SampleStats.TOTAL, "GET /a");
        assertThat(c.summary()).startsWith("regression against the baseline: total: p50 per interval +");
        assertThat(ExitCode.of(current, null, c)).isEqualTo(ExitCode.REGRESSION);
    }

    @Test
    void shouldReportImprovementWhenIntervalMediansAreFaster() {
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 40, 0, MS5, 0.05, 1)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 40, 0, MS5 * 3 / 4, 0.05, 2)).build();

        Comparison c = Comparison.of(baseline, current);

        assertThat(c.sample("a").orElseThrow().decision()).isEqualTo(ChangeDecision.IMPROVEMENT);
        assertThat(c.hasRegression()).isFalse();
        assertThat(c.summary()).startsWith("no regression against the baseline (1 sample names compared, total improvement)");
    }

    @Test
    void shouldNotFlagWhenShiftIsSignificantButBelowMinimumEffect() {
        // a 4 % drift measured with 0.5 % noise: the test is sure of it, but it is below the 10 % that matter
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", noisy(30, 40, 0, MS5, 0.005, 1)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", noisy(30, 40, 0, MS5 * 104 / 100, 0.005, 2)).build();

        SampleComparison a = Comparison.of(baseline, current).sample("a").orElseThrow();

        ChangeTest latency = a.test(ChangeTest.Kind.LATENCY).orElseThrow();
        assertThat(latency.pValue()).isLessThan(1e-6);
        assertThat(latency.decision()).isEqualTo(ChangeDecision.NO_CHANGE);
        assertThat(latency.reason()).contains("significant (p = ").contains("but below the 10.00% minimum");
        assertThat(a.decision()).isEqualTo(ChangeDecision.NO_CHANGE);
        // with no minimum effect the same data is a regression
        RegressionPolicy significanceOnly = RegressionPolicy.custom().minLatencyChange(0).build();
        assertThat(Comparison.of(baseline, current, significanceOnly).sample("a").orElseThrow().decision())
                .isEqualTo(ChangeDecision.REGRESSION);
    }

    @Test
    void shouldNotFlagWhenShiftIsLargeButNotSignificant() {
        // 12 intervals each side with ±60 % noise: a 10 % shift in the medians can be chance
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", noisy(12, 40, 0, MS5, 0.6, 3)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", noisy(12, 40, 0, MS5 * 11 / 10, 0.6, 4)).build();

        ChangeTest latency = Comparison.of(baseline, current).sample("a").orElseThrow()
                .test(ChangeTest.Kind.LATENCY).orElseThrow();

        assertThat(latency.pValue()).isGreaterThan(0.01);
        assertThat(latency.decision()).isEqualTo(ChangeDecision.NO_CHANGE);
        assertThat(latency.reason()).contains("not significant (p = ");
    }

    @Test
    void shouldSayInsufficientDataWhenTooFewIntervalsHaveEnoughSamples() {
        // 20 intervals, but only 6 with at least 5 successful samples: the sparse ones have 4
        List<IntervalStats.Interval> sparse = new ArrayList<>(noisy(6, 40, 0, MS5, 0.05, 1));
        sparse.addAll(Collections.nCopies(14, interval(4, 0, MS5)));
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", sparse).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 40, 0, MS5 * 2, 0.05, 2)).build();

        SampleComparison a = Comparison.of(baseline, current).sample("a").orElseThrow();

        assertThat(a.decision()).isEqualTo(ChangeDecision.INSUFFICIENT_DATA);
        assertThat(a.reason()).isEqualTo("latency: 6 baseline and 20 current intervals with >= 5 successful samples, "
                + "10 needed on each side");
        assertThat(a.test(ChangeTest.Kind.LATENCY).orElseThrow().pValue()).isNaN();
        // the figures are still there for reports
        assertThat(a.p50().relative()).isGreaterThan(0.5);
        RegressionPolicy lenient = RegressionPolicy.custom().minIntervals(5).minSamplesPerInterval(3).build();
        assertThat(Comparison.of(baseline, current, lenient).sample("a").orElseThrow().decision())
                .isEqualTo(ChangeDecision.REGRESSION);
    }

    @Test
    void shouldFindNoChangeWhenQuantizedIntervalsAreAllTied() {
        // HdrHistogram buckets make equal interval medians common: every value tied gives p = 1
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", Collections.nCopies(15, interval(40, 0, MS5))).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", Collections.nCopies(18, interval(40, 0, MS5))).build();

        ChangeTest latency = Comparison.of(baseline, current).sample("a").orElseThrow()
                .test(ChangeTest.Kind.LATENCY).orElseThrow();

        assertThat(latency.pValue()).isEqualTo(1.0);
        assertThat(latency.effect()).isZero();
        assertThat(latency.decision()).isEqualTo(ChangeDecision.NO_CHANGE);
    }

    @Test
    void shouldListAddedAndRemovedNamesWhenRunsRecordDifferentSamples() {
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("kept", noisy(12, 40, 0, MS5, 0.05, 1))
                .sample("old", noisy(12, 40, 0, MS5, 0.05, 2)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("new", noisy(12, 40, 0, MS5 * 3, 0.05, 3))
                .sample("kept", noisy(12, 40, 0, MS5, 0.05, 4)).build();

        Comparison c = Comparison.of(baseline, current);

        assertThat(c.added()).containsExactly("new");
        assertThat(c.removed()).containsExactly("old");
        assertThat(c.samples()).extracting(SampleComparison::name).containsExactly("kept");
        assertThat(c.sample("new")).isEmpty();
        assertThat(c.sample("kept").orElseThrow().decision()).isEqualTo(ChangeDecision.NO_CHANGE);
    }

    @Test
    void shouldFlagErrorRateRegressionWhenFailuresRiseBeyondMinimum() {
        // 1 % -> 6 % of 2,000 samples, latency unchanged
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 100, 1, MS5, 0.05, 1)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 100, 6, MS5, 0.05, 2)).build();

        SampleComparison a = Comparison.of(baseline, current).sample("a").orElseThrow();

        ChangeTest errors = a.test(ChangeTest.Kind.ERROR_RATE).orElseThrow();
        assertThat(errors.decision()).isEqualTo(ChangeDecision.REGRESSION);
        assertThat(errors.effect()).isCloseTo(0.05, within(1e-12));
        assertThat(errors.baselineN()).isEqualTo(2_000);
        assertThat(errors.statistic()).isGreaterThan(5);
        assertThat(a.decision()).isEqualTo(ChangeDecision.REGRESSION);
        assertThat(a.reason()).isEqualTo(errors.reason()).startsWith("error rate 1.00% -> 6.00%, p = ");
        assertThat(a.errorRate().absolute()).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void shouldNotFlagErrorRateWhenIncreaseIsBelowMinimum() {
        // 1 % -> 1.5 % of 20,000 samples is significant (z = 4.5) but below the 1-point minimum
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 1_000, 10, MS5, 0.05, 1)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 1_000, 15, MS5, 0.05, 2)).build();

        ChangeTest errors = Comparison.of(baseline, current).sample("a").orElseThrow()
                .test(ChangeTest.Kind.ERROR_RATE).orElseThrow();

        assertThat(errors.pValue()).isLessThan(0.01);
        assertThat(errors.decision()).isEqualTo(ChangeDecision.NO_CHANGE);
        assertThat(errors.reason()).contains("but below the 1.0-point minimum");
    }

    @Test
    void shouldReportButNotJudgeThroughputWhenRunsAreClosed() {
        // same latency, 20 % fewer samples per interval: in a closed run that is the generator's doing
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 100, 0, MS5, 0.02, 1)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 80, 0, MS5, 0.02, 2)).build();

        Comparison c = Comparison.of(baseline, current);

        assertThat(c.total().throughput().relative()).isCloseTo(-0.2, within(1e-9));
        assertThat(c.total().test(ChangeTest.Kind.THROUGHPUT)).isEmpty();
        assertThat(c.total().tests()).extracting(ChangeTest::kind)
                .containsExactly(ChangeTest.Kind.LATENCY, ChangeTest.Kind.ERROR_RATE);
        assertThat(c.total().decision()).isEqualTo(ChangeDecision.NO_CHANGE);
        assertThat(c.notes()).isEmpty();
    }

    @Test
    void shouldNotJudgeThroughputWhenOpenRunsOfferedDifferentLoads() {
        RunResult baseline = SyntheticRuns.open("api: open, 100/s", 2_000, 0).sample("a", noisy(20, 100, 0, MS5, 0.02, 1)).build();
        RunResult current = SyntheticRuns.open("api: open, 50/s", 800, 200).sample("a", noisy(20, 40, 0, MS5, 0.02, 2)).build();

        Comparison c = Comparison.of(baseline, current);

        assertThat(c.total().test(ChangeTest.Kind.THROUGHPUT)).isEmpty();
        assertThat(c.total().decision()).isEqualTo(ChangeDecision.NO_CHANGE);
        assertThat(c.notes()).containsExactly("throughput not judged: the open runs offered different loads "
                + "(\"api: open, 100/s\" and \"api: open, 50/s\")");
    }

    @Test
    void shouldFlagOpenThroughputWhenMoreArrivalsAreDropped() {
        String load = "api: open, 100/s";
        RunResult baseline = SyntheticRuns.open(load, 2_000, 0).sample("a", noisy(20, 100, 0, MS5, 0.02, 1)).build();
        RunResult current = SyntheticRuns.open(load, 1_600, 400).sample("a", noisy(20, 80, 0, MS5, 0.02, 2)).build();

        ChangeTest throughput = Comparison.of(baseline, current).total().test(ChangeTest.Kind.THROUGHPUT).orElseThrow();

        assertThat(throughput.method()).isEqualTo("two-proportion z test on dropped arrivals");
        assertThat(throughput.effect()).isCloseTo(-0.2, within(1e-12));
        assertThat(throughput.decision()).isEqualTo(ChangeDecision.REGRESSION);
        assertThat(throughput.reason()).startsWith("arrivals started 100.00% -> 80.00% of those offered, p = ");
        assertThat(throughput.baselineN()).isEqualTo(2_000);
        // 2 % more dropped is significant over 2,000 arrivals but below the 10 % minimum
        RunResult slightly = SyntheticRuns.open(load, 1_960, 40).sample("a", noisy(20, 98, 0, MS5, 0.02, 3)).build();
        ChangeTest small = Comparison.of(baseline, slightly).total().test(ChangeTest.Kind.THROUGHPUT).orElseThrow();
        assertThat(small.pValue()).isLessThan(0.01);
        assertThat(small.decision()).isEqualTo(ChangeDecision.NO_CHANGE);
    }

    @Test
    void shouldTestChosenStatisticWhenPolicyAsksForP90() {
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 40, 0, MS5, 0.05, 1)).build();
        RunResult current = SyntheticRuns.closed(LOAD).sample("a", noisy(20, 40, 0, MS5 * 6 / 5, 0.05, 2)).build();

        ChangeTest latency = Comparison.of(baseline, current, RegressionPolicy.custom()
                .statistic(RegressionPolicy.Statistic.P90).build()).sample("a").orElseThrow()
                .test(ChangeTest.Kind.LATENCY).orElseThrow();

        assertThat(latency.method()).isEqualTo("Mann-Whitney U on the p90 per interval");
        assertThat(latency.reason()).startsWith("p90 per interval +");
        assertThat(latency.decision()).isEqualTo(ChangeDecision.REGRESSION);
    }

    @Test
    void shouldNoteWhatLimitsComparisonWhenRunsDiffer() {
        RunResult baseline = SyntheticRuns.closed(LOAD).sample("a", noisy(12, 40, 0, MS5, 0.05, 1)).build();
        RunResult b = SyntheticRuns.closed(LOAD).sample("a", noisy(12, 40, 0, MS5, 0.05, 2)).build();
        RunResult failed = new RunResult("other", b.description(), b.model(), b.seed(), RunStatus.FAILED, "error",
                b.start(), b.end(), b.duration(), b.total(), b.samples(), b.intervals(), b.iterations(), b.dropped(),
                b.peakUsers(), "java.lang.OutOfMemoryError: Java heap space");

        Comparison c = Comparison.of(baseline, failed);

        assertThat(c.notes()).containsExactly("the runs are of different scenarios: \"synthetic\" and \"other\"",
                "the current run failed: java.lang.OutOfMemoryError: Java heap space");
        assertThatThrownBy(() -> Comparison.of(null, b)).isInstanceOf(NullPointerException.class)
                .hasMessage("comparison: baseline must not be null");
        assertThatThrownBy(() -> Comparison.of(b, b, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("comparison: policy must not be null");
    }
}
