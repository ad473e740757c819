package dev.perfkit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.Environment;
import dev.perfkit.core.Preset;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Thresholds;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Calls every method of the runner's API once, as a user's suite would, and checks its validation. */
class ApiCompileTest {

    private static final Scenario SCENARIO = Scenario.named("s").users(1).hold(Duration.ofSeconds(1)).task(1, "t", s -> { });

    @Test
    void shouldBuildSuiteScenariosAndContextsWhenUsedLikeASuite() {
        Overrides overrides = new Overrides(OptionalInt.of(5), Optional.of(Duration.ofSeconds(30)), Optional.empty(),
                OptionalDouble.of(2), Optional.of(Preset.SMOKE));
        SuiteContext context = new SuiteContext(URI.create("http://127.0.0.1:8080/"), Optional.of("jdbc:h2:mem:x;PASSWORD=pw"),
                OptionalLong.of(1), Environment.STAGING, 42, overrides);
        AutoCloseable resource = () -> { };

        SuiteScenario s = SuiteScenario.of("browse", SCENARIO, context.thresholds())
                .withOptions(RunOptions.custom().interval(Duration.ofMillis(100)).build())
                .closing(resource);

        assertThat(s.resources()).containsExactly(resource);
        assertThat(s.options().interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(context.thresholds().environment()).isEqualTo("staging");
        assertThat(context.toString()).doesNotContain("pw").contains("jdbcUrl=(set)");
        assertThat(overrides.isEmpty()).isFalse();
        assertThat(Overrides.none().isEmpty()).isTrue();
        assertThat(Main.USAGE).isEqualTo(2);
    }

    @Test
    void shouldNameTheFieldAndValueWhenTheInputIsBad() {
        assertThatThrownBy(() -> SuiteScenario.of("a/b", SCENARIO, Thresholds.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("suiteScenario: name must be letters, digits, '.', '_' or '-', was 'a/b'");
        assertThatThrownBy(() -> new Overrides(OptionalInt.of(0), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), Optional.empty())).hasMessage("overrides: users must be > 0, was 0");
        assertThatThrownBy(() -> new Overrides(OptionalInt.empty(), Optional.empty(), Optional.of(Duration.ZERO),
                OptionalDouble.of(1), Optional.empty())).hasMessage("overrides: give rampUp or spawnRate, not both");
        assertThatThrownBy(() -> new SuiteScenario("x", SCENARIO, RunOptions.defaults(), Thresholds.none(), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("resources");
        assertThat(List.of(new TestTarget().name(), new TestSuites.Smoke().name())).containsExactly("loopback", "smoke");
    }
}
