package dev.perfkit.core;

import static dev.perfkit.core.SyntheticRuns.noisy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    private static final long MS5 = 5_000_000;
    private static final RunResult BASELINE = SyntheticRuns.closed("c").sample("a", noisy(20, 40, 0, MS5, 0.05, 1)).build();
    private static final RunResult SAME = SyntheticRuns.closed("c").sample("a", noisy(20, 40, 0, MS5, 0.05, 2)).build();
    private static final RunResult SLOWER = SyntheticRuns.closed("c").sample("a", noisy(20, 40, 0, MS5 * 2, 0.05, 3)).build();
    private static final Comparison NO_REGRESSION = Comparison.of(BASELINE, SAME);
    private static final Comparison REGRESSED = Comparison.of(BASELINE, SLOWER);
    private static final Verdict PASSED = Verdict.of("ci", List.of(rule(Outcome.WARNING)), List.of());
    private static final Verdict CRITICAL = Verdict.of("ci", List.of(rule(Outcome.CRITICAL)), List.of());

    @Test
    void shouldHaveDistinctDocumentedCodesWhenListed() {
        assertThat(Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code)).containsExactly(0, 3, 4, 5);
    }

    @Test
    void shouldPassWhenNothingIsWrongOrNothingWasChecked() {
        assertThat(ExitCode.of(SAME, null, null)).isEqualTo(ExitCode.PASS);
        assertThat(ExitCode.of(SAME, PASSED, NO_REGRESSION)).isEqualTo(ExitCode.PASS);
        assertThat(ExitCode.PASS.code()).isZero();
    }

    @Test
    void shouldPickMostSeriousCodeWhenSeveralApply() {
        assertThat(NO_REGRESSION.hasRegression()).isFalse();
        assertThat(REGRESSED.hasRegression()).isTrue();

        assertThat(ExitCode.of(SLOWER, PASSED, REGRESSED)).isEqualTo(ExitCode.REGRESSION);
        assertThat(ExitCode.of(SLOWER, CRITICAL, REGRESSED)).isEqualTo(ExitCode.THRESHOLD_CRITICAL);
        assertThat(ExitCode.of(SAME, CRITICAL, null)).isEqualTo(ExitCode.THRESHOLD_CRITICAL);
        assertThat(ExitCode.of(failed(SLOWER), CRITICAL, REGRESSED)).isEqualTo(ExitCode.RUN_ERROR);
        assertThat(ExitCode.of(failed(SAME), null, null)).isEqualTo(ExitCode.RUN_ERROR);
    }

    @Test
    void shouldReportThresholdCriticalWhenRunWasAbortedEvenWithoutVerdict() {
        RunResult aborted = withStatus(SAME, RunStatus.ABORTED);

        assertThat(ExitCode.of(aborted, null, null)).isEqualTo(ExitCode.THRESHOLD_CRITICAL);
        assertThat(ExitCode.of(aborted, PASSED, NO_REGRESSION)).isEqualTo(ExitCode.THRESHOLD_CRITICAL);
        assertThat(ExitCode.of(withStatus(SAME, RunStatus.STOPPED), null, null)).isEqualTo(ExitCode.PASS);
    }

    @Test
    void shouldReportRunErrorWhenRunMeasuredNothing() {
        RunResult empty = SyntheticRuns.closed("c").build();

        assertThat(empty.total().count()).isZero();
        assertThat(ExitCode.of(empty, PASSED, null)).isEqualTo(ExitCode.RUN_ERROR);
    }

    @Test
    void shouldRejectMissingResultWhenCodeIsPicked() {
        assertThatThrownBy(() -> ExitCode.of(null, PASSED, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("exitCode: result must not be null");
    }

    private static RuleResult rule(Outcome outcome) {
        return new RuleResult("p95(a) < 10 ms", "a", "p95", "ms", 12, 10, 11, true, "run", outcome, "");
    }

    private static RunResult withStatus(RunResult r, RunStatus status) {
        return new RunResult(r.scenario(), r.description(), r.model(), r.seed(), status, status.name(),
                r.start(), r.end(), r.duration(), r.total(), r.samples(), r.intervals(), r.iterations(), r.dropped(),
                r.peakUsers(), null);
    }

    private static RunResult failed(RunResult r) {
        return new RunResult(r.scenario(), r.description(), r.model(), r.seed(), RunStatus.FAILED, "error",
                r.start(), r.end(), r.duration(), r.total(), r.samples(), r.intervals(), r.iterations(), r.dropped(),
                r.peakUsers(), "java.lang.StackOverflowError");
    }
}
