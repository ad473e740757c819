package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Each kind of bad rule file is refused with the file, the line and the rule in the message. */
class ThresholdFileErrorsTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> reading(String name, String content, int line) {
        return assertThatThrownBy(() -> ThresholdFiles.parse(content, name))
                .isInstanceOf(ThresholdFileException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ThresholdFileException) e).line())
                        .as("line").isEqualTo(line));
    }

    @Test
    void shouldNameLineWhenYamlIsMalformed() {
        reading("bad.yaml", """
                rules:
                  - sample: a
                    statistic: p95
                   below: 200ms
                """, 4).hasMessageStartingWith("bad.yaml:4: malformed YAML: ");
    }

    @Test
    void shouldNameLineWhenJsonIsMalformed() {
        reading("bad.json", """
                {"rules": [
                  {"sample": "a", "statistic": "p95", "below": 200}
                  {"sample": "b", "statistic": "p95", "below": 200}
                ]}
                """, 3).hasMessageStartingWith("bad.json:3: malformed JSON: ");
    }

    @Test
    void shouldNameRuleAndLineWhenStatisticIsUnknown() {
        reading("s.yaml", """
                rules:
                  - sample: a
                    statistic: p95
                    below: 200ms
                  - sample: "GET /users/{id}"
                    statistic: p96
                    below: 200ms
                """, 6).hasMessageStartingWith("s.yaml:6: rule 2 (p96 of GET /users/{id}): unknown statistic \"p96\"; known: p50,");
    }

    @Test
    void shouldNameRuleAndLineWhenCriticalComesBeforeWarning() {
        reading("s.yaml", """
                rules:
                  - gauge: sut.cpu
                    statistic: mean
                    below: { warning: 90%, critical: 80% }
                """, 2).hasMessage("s.yaml:2: rule 1 (mean of sut.cpu): rule mean(sut.cpu): critical level 0.8 would"
                + " be reached before the warning level 0.9; critical must be >= warning");
    }

    @Test
    void shouldNameLineWhenKeyIsUnknown() {
        reading("s.yaml", """
                rules:
                  - sample: a
                    statistic: p95
                    belw: 200ms
                """, 4).hasMessageStartingWith("s.yaml:4: rule 1 (p95 of a): unknown key \"belw\"; known: sample,");
        reading("s.yaml", """
                environment: staging
                rule: []
                """, 2).hasMessage("s.yaml:2: unknown key \"rule\"; known: environment, rules");
    }

    @Test
    void shouldNameLineWhenValueHasWrongUnit() {
        reading("s.yaml", """
                rules:
                  - total: true
                    statistic: errorRate
                    below:
                      warning: 2%
                      critical: 200ms
                """, 6).hasMessage("s.yaml:6: rule 1 (errorRate of total): below critical \"200ms\" is not a level in"
                + " ratio; write a percentage such as 5%, or a number from 0 to 1");
        reading("s.yaml", """
                rules:
                  - total: true
                    statistic: p99
                    below: 1s
                    window: soon
                """, 5).hasMessage("s.yaml:5: rule 1 (p99 of total): window \"soon\" is not a duration; write 30s, 1.5m or 250ms");
    }

    @Test
    void shouldNameLineWhenSubjectIsMissingOrDoubled() {
        reading("s.yaml", """
                rules:
                  - statistic: p95
                    below: 200ms
                """, 2).hasMessage("s.yaml:2: rule 1 (p95 of ?): needs exactly one of sample, requests, group, gauge,"
                + " total to say what it judges, had none");
        reading("s.yaml", """
                rules:
                  - sample: a
                    gauge: b
                    statistic: max
                    below: 1
                """, 3).hasMessageContaining("had sample and gauge");
        reading("s.yaml", """
                rules:
                  - group: web
                    statistic: max
                    below: 1s
                """, 2).hasMessageContaining("unknown group \"web\"; known: api, database");
    }

    @Test
    void shouldNameLineWhenLevelOrDirectionIsMissingOrDoubled() {
        reading("s.yaml", """
                rules:
                  - sample: a
                    statistic: p95
                """, 2).hasMessage("s.yaml:2: rule 1 (p95 of a): needs a level: below (lower is better) or atLeast"
                + " (higher is better)");
        reading("s.yaml", """
                rules:
                  - sample: a
                    statistic: throughput
                    below: 10
                    atLeast: 5
                """, 5).hasMessage("s.yaml:5: rule 1 (throughput of a): has both below and atLeast; keep one");
    }

    @Test
    void shouldNameLineWhenEnvironmentIsUnknownOrKeyRepeated() {
        reading("s.yaml", """
                # production rules
                environment: prodution
                """, 2).hasMessage("s.yaml:2: environment: unknown environment \"prodution\"; known: dev, staging,"
                + " production");
        reading("s.yaml", """
                rules:
                  - sample: a
                    statistic: p95
                    statistic: p99
                    below: 1s
                """, 4).hasMessageContaining("Duplicate field 'statistic'");
    }

    @Test
    void shouldNameBothLinesWhenTwoRulesJudgeTheSame() {
        reading("s.yaml", """
                rules:
                  - sample: a
                    statistic: p95
                    below: 200ms
                  - sample: a
                    statistic: p95
                    below: 300ms
                """, 5).hasMessage("s.yaml:5: rule 2 (p95 of a): thresholds: rule p95(a) < 300 ms judges the same"
                + " as rule p95(a) < 200 ms (s.yaml:2); keep one");
    }

    @Test
    void shouldNameLineWhenWindowDoesNotSuitStatistic() {
        reading("s.yaml", """
                rules:
                  - sample: a
                    statistic: p999
                    window: 1m
                    below: 200ms
                """, 2).hasMessageEndingWith("p999 is not kept per interval, so it has no trailing window, was 1m;"
                + " use the whole run or p99");
    }
}
