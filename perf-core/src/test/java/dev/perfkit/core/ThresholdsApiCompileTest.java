package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link ApiCompileTest} of thresholds: calls every public method of {@link Thresholds},
 * {@link Condition}, {@link Rule}, {@link Subject}, {@link Statistic} and {@link Environment} once,
 * and the abort option of {@link RunOptions}. Behaviour in depth is in {@link ThresholdsTest},
 * {@link RuleValidationTest} and {@link AbortOnBreachTest}.
 */
class ThresholdsApiCompileTest {

    private static final Duration MS_100 = Duration.ofMillis(100);
    private static final Duration MS_200 = Duration.ofMillis(200);

    @Test
    void shouldDescribeEveryRuleWhenEveryFluentMethodIsCalled() {
        Thresholds t = Thresholds.none()
                .p95("a").below(MS_200)
                .p95().below(MS_100, MS_200)
                .p99("a").over(Duration.ofSeconds(30)).below(MS_200)
                .p99().abortOnFail().below(MS_200)
                .mean("a").abortOnFail(Duration.ofSeconds(5)).below(100.0)
                .mean().below(50.0, 100.0)
                .max("a").below(Duration.ofSeconds(1))
                .max().below(Duration.ofSeconds(2))
                .errorRate("a").below(0.01)
                .errorRate().below(0.01, 0.05)
                .throughput("a").atLeast(10)
                .throughput().atLeast(60, 50)
                .dropped().below(0)
                .gauge("sut.memory", Statistic.MAX).below(400e6, 500e6)
                .on(Subject.requests("reads", "GET .*"), Statistic.P90).below(MS_200)
                .rule(new Rule(Subject.gauge("db.waiting"), Statistic.LAST, true, Double.NaN, 0, Duration.ZERO, false,
                        Duration.ZERO, false, "rules.yaml:3"));

        assertThat(t.environment()).isEmpty();
        assertThat(t.hasAbortRules()).isTrue();
        assertThat(t.rules()).extracting(Rule::description).containsExactly(
                "p95(a) < 200 ms",
                "p95(total) < 100 ms (warning), 200 ms (critical)",
                "p99(a) < 200 ms over last 30s",
                "p99(total) < 200 ms",
                "mean(a) < 100 ms",
                "mean(total) < 50 ms (warning), 100 ms (critical)",
                "max(a) < 1000 ms",
                "max(total) < 2000 ms",
                "errorRate(a) < 0.01 ratio",
                "errorRate(total) < 0.01 ratio (warning), 0.05 ratio (critical)",
                "throughput(a) >= 10 /s",
                "throughput(total) >= 60 /s (warning), 50 /s (critical)",
                "dropped(total) < 0 count",
                "max(sut.memory) < 400000000 bytes (warning), 500000000 bytes (critical)",
                "p90(reads) < 200 ms",
                "last(db.waiting) < 0 value");
        Rule last = t.rules().get(t.rules().size() - 1);
        assertThat(last.origin()).isEqualTo("rules.yaml:3");
        assertThat(last.withOrigin("other.yaml:9").origin()).isEqualTo("other.yaml:9");
        assertThat(last.unit()).isEqualTo("value");
        assertThat(last.wholeRun()).isTrue();
        assertThat(last.windowText()).isEqualTo("run");
        assertThat(t.rules().get(2).windowText()).isEqualTo("last 30s");
        assertThat(t.rules().get(4).grace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.toString()).startsWith("thresholds[p95(a) < 200 ms, ");
        assertThat(t.abortBreach(List.of(), Set.of())).isEmpty();
    }

    @Test
    void shouldAnswerEveryQueryWhenSubjectsStatisticsAndEnvironmentsAreUsed() {
        assertThat(Subject.total().kind()).isEqualTo(Subject.Kind.TOTAL);
        assertThat(Subject.sample("GET /a").label()).isEqualTo("GET /a");
        assertThat(Subject.gauge("sut.cpu").unit(Statistic.MEAN)).isEqualTo("share");
        assertThat(Subject.gauge("jvm.memory.afterGc").unit(Statistic.MAX)).isEqualTo("bytes");
        assertThat(Subject.gauge("jvm.gc.pause").unit(Statistic.MAX)).isEqualTo("ms");
        assertThat(Subject.total().unit(Statistic.THROUGHPUT)).isEqualTo("/s");
        assertThat(Subject.API.name()).isEqualTo(Subject.HTTP_REQUEST_PATTERN);
        assertThat("GET /users/{id}").matches(Subject.API.name()).doesNotMatch(Subject.DATABASE.name());
        assertThat("user by id").matches(Subject.DATABASE.name()).doesNotMatch(Subject.API.name());
        assertThat(Statistic.fromId("ERRORRATE")).isEqualTo(Statistic.ERROR_RATE);
        assertThat(Statistic.P999.id()).isEqualTo("p999");
        assertThat(Statistic.P999.windowable()).isFalse();
        assertThat(Statistic.MAX.isTime()).isTrue();
        assertThat(Statistic.LAST.appliesTo(Subject.Kind.SAMPLE)).isFalse();
        assertThat(Environment.fromId("staging").id()).isEqualTo("staging");
        assertThat(Environment.PRODUCTION.thresholds().rules()).isEqualTo(Environment.PRODUCTION.defaultRules());
        assertThat(Thresholds.forEnvironment(Environment.DEV).environment()).isEqualTo("dev");
        assertThat(RunStatus.valueOf("ABORTED")).isEqualTo(RunStatus.ABORTED);
    }

    @Test
    void shouldKeepAbortThresholdsWhenRunOptionsAreBuiltAndCopied() {
        Thresholds abort = Thresholds.none().errorRate().abortOnFail().below(0.5);
        RunOptions options = RunOptions.custom().abortOn(abort).build();

        assertThat(options.abortOn()).containsSame(abort);
        assertThat(options.toBuilder().build().abortOn()).containsSame(abort);
        assertThat(RunOptions.defaults().abortOn()).isEmpty();
    }
}
