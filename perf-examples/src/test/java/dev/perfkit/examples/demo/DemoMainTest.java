package dev.perfkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoMainTest {

    @Test
    void shouldStartServeAndStopWhenGivenADurationAndIssues() {
        assertThatCode(() -> DemoMain.main(new String[] {"0", "small_pool", "MEMORY_LEAK", ""})).doesNotThrowAnyException();
        assertThatCode(() -> DemoMain.main(new String[] {"PT0S"})).doesNotThrowAnyException();
    }

    @Test
    void shouldNameTheArgumentWhenItIsNeitherDurationNorIssue() {
        assertThatThrownBy(() -> DemoMain.main(new String[] {"cooking"})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demoMain: argument must be a duration, an issue of [SLOW_QUERY, N_PLUS_ONE, SMALL_POOL, MEMORY_LEAK]"
                        + " or --port=N, was \"cooking\"");
        assertThatThrownBy(() -> DemoMain.main(new String[] {"5x"})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demoMain: duration must be seconds or ISO-8601 (PT5M), was \"5x\"");
    }
}
