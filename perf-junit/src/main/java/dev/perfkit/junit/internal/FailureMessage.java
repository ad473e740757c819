package dev.perfkit.junit.internal;

import dev.perfkit.core.Comparison;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.Reports;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The texts a judged run leaves in a test: the failure message and the verdict's report entry. */
public final class FailureMessage {

    private FailureMessage() {
    }

    /**
     * Returns the message of a failed judgement: one line per reason (failed or empty run, abort,
     * critical rules, regression), the reports' folder, then the run's console summary.
     */
    public static String of(String test, RunResult result, Verdict verdict, Comparison comparison, Path baseline,
                            Path reports) {
        List<String> reasons = new ArrayList<>();
        if (result.status() == RunStatus.FAILED) {
            reasons.add("the run failed: " + result.errorText().orElse(result.stopReason()));
        } else if (result.total().count() == 0) {
            reasons.add("the run measured no sample (" + result.status() + ": " + result.stopReason() + ")");
        }
        if (result.status() == RunStatus.ABORTED) {
            reasons.add("the run was aborted: " + result.stopReason());
        }
        if (verdict != null) {
            verdict.rules().stream().filter(r -> r.outcome() == Outcome.CRITICAL)
                    .forEach(r -> reasons.add("critical threshold " + rule(r)));
        }
        if (comparison != null && comparison.hasRegression()) {
            reasons.add(comparison.summary() + " (" + baseline + ")");
        }
        StringBuilder sb = new StringBuilder("perfkit: load test '").append(result.scenario()).append("' of ")
                .append(test).append(" did not pass:");
        reasons.forEach(r -> sb.append(System.lineSeparator()).append("- ").append(r));
        sb.append(System.lineSeparator()).append("reports: ").append(reports).append(System.lineSeparator())
                .append(System.lineSeparator()).append(Reports.summary(result, Optional.ofNullable(verdict)).strip());
        return sb.toString();
    }

    /** Returns the verdict's report entry: its outcome, then each rule that did not pass. */
    public static String verdictEntry(Verdict verdict) {
        StringBuilder sb = new StringBuilder(verdict.outcome().name());
        verdict.rules().stream().filter(r -> r.outcome() != Outcome.PASS)
                .forEach(r -> sb.append("; ").append(r.outcome()).append(' ').append(rule(r)));
        return sb.toString();
    }

    private static String rule(RuleResult r) {
        double level = r.outcome() == Outcome.CRITICAL ? r.critical() : r.warning();
        return r.rule() + ": observed " + number(r.observed()) + " " + r.unit() + ", "
                + r.outcome().name().toLowerCase(java.util.Locale.ROOT) + " level " + number(level) + " " + r.unit()
                + (r.note().isEmpty() ? "" : " (" + r.note() + ")");
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
