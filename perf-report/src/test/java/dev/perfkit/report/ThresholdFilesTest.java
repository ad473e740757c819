package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.Rule;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files in YAML and JSON: what they describe, and how each kind of bad file is reported. */
class ThresholdFilesTest {

    static final String YAML = """
            # staging.yaml: our requirements, plus the checkout page
            environment: staging
            rules:
              - sample: "GET /users/{id}"
                statistic: p95
                below: { warning: 150ms, critical: 0.2s }
              - total: true
                statistic: errorRate
                below: 5%
                window: 30s
                abortOnFail: true
                grace: 10s
              - total: true
                statistic: throughput
                atLeast:
                  warning: 60/s
                  critical: 50
              - gauge: sut.memory
                statistic: max
                below: { warning: 400MiB, critical: 500MiB }
              - requests: "(GET|POST) /orders.*"
                label: orders
                statistic: p99
                below: 1s
              - group: database
                statistic: mean
                below: 80ms
            """;

    static final String JSON = """
            {
              "environment": "staging",
              "rules": [
                {"sample": "GET /users/{id}", "statistic": "p95", "below": {"warning": "150ms", "critical": "0.2s"}},
                {"total": true, "statistic": "errorRate", "below": "5%", "window": "30s", "abortOnFail": true, "grace": "10s"},
                {"total": true, "statistic": "throughput", "atLeast": {"warning": "60/s", "critical": 50}},
                {"gauge": "sut.memory", "statistic": "max", "below": {"warning": "400MiB", "critical": "500MiB"}},
                {"requests": "(GET|POST) /orders.*", "label": "orders", "statistic": "p99", "below": "1s"},
                {"group": "database", "statistic": "mean", "below": 80}
              ]
            }
            """;

    @Test
    void shouldReadEveryKindOfRuleWhenYamlFileIsLoaded(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("staging.yaml"), YAML);

        Thresholds thresholds = ThresholdFiles.load(file);

        assertThat(thresholds.environment()).isEqualTo("staging");
        // 8 defaults, of which throughput, errorRate is windowed (so added), memory max and database mean replaced
        assertThat(thresholds.rules()).extracting(Rule::description).containsExactly(
                "mean(api) < 150 ms (warning), 200 ms (critical)",
                "max(api) < 800 ms (warning), 1000 ms (critical)",
                "throughput(total) >= 60 /s (warning), 50 /s (critical)",
                "errorRate(total) < 0.02 ratio (warning), 0.05 ratio (critical)",
                "mean(database) < 80 ms",
                "max(database) < 400 ms (warning), 500 ms (critical)",
                "max(sut.memory) < 419430400 bytes (warning), 524288000 bytes (critical)",
                "mean(sut.cpu) < 0.7 share (warning), 0.8 share (critical)",
                "p95(GET /users/{id}) < 150 ms (warning), 200 ms (critical)",
                "errorRate(total) < 0.05 ratio over last 30s",
                "p99(orders) < 1000 ms");
        Rule errors = thresholds.rules().get(9);
        assertThat(errors.origin()).isEqualTo("staging.yaml:7");
        assertThat(errors.abortOnFail()).isTrue();
        assertThat(errors.grace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(errors.window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(thresholds.rules().get(2).origin()).isEqualTo("staging.yaml:13");
        assertThat(thresholds.rules().get(0).optional()).isTrue();
        assertThat(thresholds.rules().get(4).optional()).isFalse();
    }

    @Test
    void shouldDescribeTheSameRulesWhenJsonFileHoldsThem(@TempDir Path dir) throws IOException {
        Thresholds yaml = ThresholdFiles.parse(YAML, "staging.yaml");
        Thresholds json = ThresholdFiles.load(Files.writeString(dir.resolve("staging.json"), JSON));

        assertThat(json.rules()).extracting(Rule::description)
                .containsExactlyElementsOf(yaml.rules().stream().map(Rule::description).toList());
        assertThat(json.rules().get(9).origin()).isEqualTo("staging.json:5");
    }

    @Test
    void shouldJudgeRealRunAndNameFileLineWhenSampleIsMissing() throws InterruptedException {
        RunResult result = LoadTest.run(Scenario.named("files").users(1).iterationsPerUser(20)
                .task(1, "flow", session -> {
                    long start = session.nanoTime();
                    session.recordSuccess("GET /users/{id}", start, start + 170_000_000L);
                }));
        Thresholds thresholds = ThresholdFiles.parse("""
                rules:
                  - sample: "GET /users/{id}"
                    statistic: p95
                    below: { warning: 150ms, critical: 200ms }
                """, "api.yaml");

        Verdict verdict = thresholds.evaluate(result);

        RuleResult p95 = verdict.rules().get(0);
        assertThat(p95.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(p95.observed()).isBetween(168.0, 172.0);

        Thresholds typo = ThresholdFiles.parse("""
                rules:
                  - sample: "GET /user/{id}"
                    statistic: p95
                    below: 200ms
                """, "api.yaml");
        assertThatIllegalArgumentException().isThrownBy(() -> typo.evaluate(result))
                .withMessage("api.yaml:2: rule p95(GET /user/{id}) < 200 ms: run 'files' has no sample named"
                        + " \"GET /user/{id}\"; samples: [flow, GET /users/{id}]");
    }

    @Test
    void shouldRejectFileWhenNameHasNoKnownExtension() {
        assertThatThrownBy(() -> ThresholdFiles.parse("rules: []", "rules.txt"))
                .isInstanceOf(ThresholdFileException.class)
                .hasMessage("rules.txt: rule files end in .yaml, .yml or .json");
    }
}
