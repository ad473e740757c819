package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad rules are refused where they are written, with a message naming the rule and the value. */
class RuleValidationTest {

    private static final Duration MS_100 = Duration.ofMillis(100);

    @Test
    void shouldRejectCriticalLevelReachedBeforeWarningWhenBothAreSet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Thresholds.none().p95("dashboard").below(Duration.ofMillis(300), Duration.ofMillis(200)))
                .withMessage("rule p95(dashboard): critical level 200 would be reached before the warning level 300;"
                        + " critical must be >= warning");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Thresholds.none().throughput().atLeast(50, 60))
                .withMessageEndingWith("critical must be <= warning");
    }

    @Test
    void shouldRejectStatisticWhenItDoesNotApplyToTheSubject() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Thresholds.none().gauge("sut.memory", Statistic.P95).below(1))
                .withMessage("rule p95(sut.memory): statistic p95 does not apply to gauge 'sut.memory'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Thresholds.none().on(Subject.sample("x"), Statistic.DROPPED).below(1))
                .withMessage("rule dropped(x): statistic dropped does not apply to sample 'x'");
    }

    @Test
    void shouldRejectWindowWhenStatisticIsNotKeptPerInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Thresholds.none().on(Subject.total(), Statistic.P999).over(Duration.ofSeconds(30)).below(MS_100))
                .withMessage("rule p999(total): p999 is not kept per interval, so it has no trailing window, was 30s;"
                        + " use the whole run or p99");
    }

    @Test
    void shouldRejectBadLevelsWindowsAndUnitsWhenGiven() {
        assertThatIllegalArgumentException().isThrownBy(() -> Thresholds.none().errorRate().below(-0.1))
                .withMessage("rule errorRate(total): critical level must be a finite number >= 0, was -0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> Thresholds.none().errorRate().below(Double.NaN))
                .withMessage("rule errorRate(total): a rule needs a warning or a critical level, had neither");
        assertThatIllegalArgumentException().isThrownBy(() -> Thresholds.none().errorRate().below(MS_100))
                .withMessage("rule errorRate(total): critical level is a duration, but errorRate is measured in ratio, was 100ms");
        assertThatIllegalArgumentException().isThrownBy(() -> Thresholds.none().p95().over(Duration.ZERO))
                .withMessage("rule p95(total): window must be > 0, was 0s");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Thresholds.none().p95().abortOnFail().below(100, Double.NaN))
                .withMessage("rule p95(total): abortOnFail needs a critical level, had only a warning level");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Rule(Subject.total(), Statistic.P95, true, 100, Double.NaN, Duration.ZERO, true,
                        Duration.ZERO, false, "prod.yaml:7"))
                .withMessage("prod.yaml:7: rule p95(total): abortOnFail needs a critical level, had only a warning level");
        assertThatIllegalArgumentException().isThrownBy(() -> Subject.requests("api", "GET ("))
                .withMessageStartingWith("subject[api]: pattern is not a regular expression, was \"GET (\"");
    }

    @Test
    void shouldRejectSecondUserRuleWhenItJudgesTheSameAsAnother() {
        Thresholds one = Thresholds.none().p95("a").below(MS_100);
        assertThatIllegalArgumentException().isThrownBy(() -> one.p95("a").below(Duration.ofMillis(200)))
                .withMessage("thresholds: rule p95(a) < 200 ms judges the same as rule p95(a) < 100 ms; keep one");
        // Another window is another rule.
        assertThat(one.p95("a").over(Duration.ofSeconds(10)).below(MS_100).rules()).hasSize(2);
    }

    @Test
    void shouldLeaveOriginalUnchangedWhenRuleIsAdded() {
        Thresholds base = Thresholds.none();
        Thresholds more = base.p95().below(MS_100);

        assertThat(base.rules()).isEmpty();
        assertThat(more.rules()).hasSize(1);
        assertThat(more.rules().get(0).optional()).isFalse();
    }

    @Test
    void shouldHoldRequirementsInStagingAndOrderEnvironmentsFromLooseToStrict() {
        List<Rule> staging = Environment.STAGING.defaultRules();
        assertThat(staging).extracting(Rule::critical)
                .containsExactly(200.0, 1000.0, 50.0, 0.05, 100.0, 500.0, 500.0 * 1024 * 1024, 0.8);
        assertThat(staging).allMatch(Rule::optional);
        for (int i = 0; i < staging.size(); i++) {
            Rule dev = Environment.DEV.defaultRules().get(i);
            Rule stage = staging.get(i);
            Rule prod = Environment.PRODUCTION.defaultRules().get(i);
            for (double[] levels : new double[][] {
                    {dev.warning(), stage.warning(), prod.warning()}, {dev.critical(), stage.critical(), prod.critical()}}) {
                if (stage.higherIsWorse()) {
                    assertThat(levels[0]).as(stage.description()).isGreaterThan(levels[1]);
                    assertThat(levels[1]).as(stage.description()).isGreaterThan(levels[2]);
                } else {
                    assertThat(levels[0]).as(stage.description()).isLessThan(levels[1]);
                    assertThat(levels[1]).as(stage.description()).isLessThan(levels[2]);
                }
            }
        }
    }

    @Test
    void shouldFindEnvironmentByNameWhenCaseDiffers() {
        assertThat(Environment.fromId("Production")).isEqualTo(Environment.PRODUCTION);
        assertThat(Environment.fromId("prod")).isEqualTo(Environment.PRODUCTION);
        assertThat(Thresholds.forEnvironment("DEV").environment()).isEqualTo("dev");
        assertThatIllegalArgumentException().isThrownBy(() -> Thresholds.forEnvironment("qa"))
                .withMessage("environment: unknown environment \"qa\"; known: dev, staging, production");
        assertThatIllegalArgumentException().isThrownBy(() -> Statistic.fromId("p96"))
                .withMessageStartingWith("unknown statistic \"p96\"; known: p50, p75, p90, p95, p99, p999, mean, max");
    }

    @Test
    void shouldRejectAbortOptionWhenNoRuleMayAbort() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RunOptions.custom().abortOn(Thresholds.none().p95().below(MS_100)))
                .withMessage("runOptions: abortOn needs a rule marked abortOnFail, was thresholds[p95(total) < 100 ms]");
    }
}
