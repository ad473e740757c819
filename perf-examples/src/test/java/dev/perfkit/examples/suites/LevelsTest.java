package dev.perfkit.examples.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.Environment;
import dev.perfkit.core.Rule;
import dev.perfkit.core.Subject;
import dev.perfkit.core.Thresholds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The thresholds of a flat-out job (the api and db suites): the CPU rule only warns, the others are the environment's. */
class LevelsTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void shouldKeepOnlyTheWarningLevelOfTheCpuRuleWhenTheJobIsFlatOut(Environment environment) {
        Thresholds defaults = Thresholds.forEnvironment(environment);

        Thresholds flatOut = Levels.flatOut(defaults);

        Rule cpu = rule(flatOut, "sut.cpu");
        Rule defaultCpu = rule(defaults, "sut.cpu");
        assertThat(cpu.warning()).isEqualTo(defaultCpu.warning());
        assertThat(cpu.critical()).isNaN();
        assertThat(cpu.optional()).as("a run without a monitor still passes it").isTrue();
        assertThat(rule(flatOut, "sut.memory")).isEqualTo(rule(defaults, "sut.memory"));
        assertThat(flatOut.rules()).hasSameSizeAs(defaults.rules());
        assertThat(flatOut.environment()).isEqualTo(environment.id());
    }

    private static Rule rule(Thresholds thresholds, String gauge) {
        return thresholds.rules().stream().filter(r -> r.subject().equals(Subject.gauge(gauge))).findFirst()
                .orElseThrow();
    }
}
