package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The options, the order of the findings and the pool rule over the gauge convention. The causes
 * themselves are produced for real in the other {@code *FindingTest} classes and in perf-jdbc.
 */
class FindingsTest {

    @Test
    void shouldOrderKindsMostImportantFirstWhenSeveralAreFound() {
        // a made-up run of 20 intervals: a pool with waiters all along, a monitor down twice,
        // a memory gauge rising 1 MiB per second
        List<IntervalStats> intervals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Double> gauges = new LinkedHashMap<>();
            gauges.put("sut.up", i == 5 || i == 6 ? 0.0 : 1.0);
            gauges.put("db.waiting", 3.0);
            gauges.put("db.active", 2.0);
            gauges.put("db.max", 2.0);
            gauges.put("sut.memory", 100.0 * 1024 * 1024 + i * 1024 * 1024 + (i % 2) * 1024);
            intervals.add(interval(i, gauges));
        }
        Findings findings = Findings.custom().leakMinDuration(Duration.ofSeconds(10)).build();

        List<Finding> found = findings.detect(result(intervals));

        assertThat(found).extracting(Finding::kind)
                .containsExactly(Findings.MEMORY_LEAK, Findings.POOL_EXHAUSTION, Findings.MONITOR_DOWN);
        assertThat(found.get(0).subject()).isEqualTo("sut.memory");
        assertThat(found.get(0).title()).isEqualTo("Memory leak suspected: sut.memory grows 60.0 MiB per minute");
        assertThat(found.get(1).subject()).isEqualTo("db");
        assertThat(found.get(1).title()).isEqualTo("Pool 'db' exhausted: users waited for a connection during 100.0 % of the run");
        assertThat(found.get(1).evidence()).first().isEqualTo(
                "virtual users waited for a connection in 20 of 20 intervals (100% of the run; limit 10%), up to 3 at once");
        assertThat(found.get(1).recommendation()).startsWith("Pool 'db' ran out of connections: raise maxSize above 2 (up to 5");
        assertThat(found.get(2).evidence().get(0)).isEqualTo("sut.up was 0 in 2 of 20 sampled intervals, between 5.0 s and 7.0 s of the run");
    }

    @Test
    void shouldPreferMemoryAfterGcWhenALabelHasBoth() {
        List<IntervalStats> intervals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // heap used rises with garbage; the heap after a collection is flat
            intervals.add(interval(i, Map.of("jvm.memory", 1e8 + i * 1e7, "jvm.memory.afterGc", 5e7 + (i % 3))));
        }

        assertThat(Findings.custom().leakMinDuration(Duration.ofSeconds(10)).build().detect(result(intervals))).isEmpty();
    }

    @Test
    void shouldFindNothingWhenRunHasNoIntervals() {
        assertThat(Findings.defaults().detect(result(List.of()))).isEmpty();
    }

    @Test
    void shouldKeepEverySettingWhenCopiedWithToBuilder() {
        Findings custom = Findings.custom().leakConfidence(0.99).leakMinPoints(5).leakMinDuration(Duration.ofSeconds(5))
                .leakWarmUp(0).leakMinGrowth(0.1).saturationGain(0.1).saturationLatencyRise(1).poolWaitingShare(0.2)
                .poolAcquireTime(Duration.ofMillis(10)).slowFactor(5).slowFloor(Duration.ZERO)
                .slowBound(Duration.ofSeconds(1)).burstFactor(2).burstMinRise(0.1).build();

        assertThat(custom.toBuilder().build()).hasToString(custom.toString());
        assertThat(custom.slowBound()).contains(Duration.ofSeconds(1));
        assertThat(Findings.defaults().slowBound()).isEmpty();
        assertThat(Findings.defaults()).hasToString("Findings[leakConfidence=0.95, leakMinPoints=10, leakMinDuration=1m,"
                + " leakWarmUp=0.2, leakMinGrowth=0.05, saturationGain=0.25, saturationLatencyRise=0.5, poolWaitingShare=0.1,"
                + " poolAcquireTime=50ms, slowFactor=3.0, slowFloor=10ms, slowBound=none, burstFactor=3.0, burstMinRise=0.05]");
    }

    @Test
    void shouldRejectSettingsOutOfRangeWhenBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().leakConfidence(1))
                .withMessage("findings: leakConfidence must be within (0, 1), was 1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().leakMinPoints(2))
                .withMessage("findings: leakMinPoints must be >= 3, was 2");
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().leakMinDuration(Duration.ZERO))
                .withMessage("findings: leakMinDuration must be > 0, was 0s");
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().leakWarmUp(1))
                .withMessage("findings: leakWarmUp must be within [0, 1), was 1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().poolWaitingShare(-0.1))
                .withMessage("findings: poolWaitingShare must be within 0..1, was -0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().slowFactor(1))
                .withMessage("findings: slowFactor must be a finite number > 1, was 1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().burstFactor(Double.NaN))
                .withMessage("findings: burstFactor must be a finite number > 1, was NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().burstMinRise(0))
                .withMessage("findings: burstMinRise must be within (0, 1), was 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Findings.custom().saturationLatencyRise(-1))
                .withMessage("findings: saturationLatencyRise must be a finite number >= 0, was -1.0");
    }

    private static IntervalStats interval(int i, Map<String, Double> gauges) {
        IntervalStats.Interval total = new IntervalStats.Interval(100, 0, 100, 1e6, 1_000_000, 1_000_000, 1_000_000,
                1_000_000, 1_000_000);
        return new IntervalStats(i, Duration.ofSeconds(i), Duration.ofSeconds(1), 10, 10, 0, total, Map.of(), gauges);
    }

    private static RunResult result(List<IntervalStats> intervals) {
        LatencyStats none = LatencyStats.of(new Histogram(3));
        SampleStats total = new SampleStats(SampleStats.TOTAL, SampleKind.TASK, 0, 0, 0, none, none, List.of());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new RunResult("made up", "made up", LoadModel.CLOSED, 1, RunStatus.COMPLETED, "done", start,
                start.plusSeconds(intervals.size()), Duration.ofSeconds(intervals.size()), total, List.of(), intervals, 0, 0,
                10, null);
    }
}
