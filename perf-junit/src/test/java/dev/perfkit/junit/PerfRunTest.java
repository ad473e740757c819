package dev.perfkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.perfkit.core.RegressionPolicy;
import dev.perfkit.core.Thresholds;
import dev.perfkit.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** {@link PerfRun}'s value semantics and argument checks, without a JUnit engine around it. */
class PerfRunTest {

    private final List<String> published = new ArrayList<>();
    private final BiConsumer<String, String> publisher = (k, v) -> published.add(k);
    private final PerfRun perf = new PerfRun("T.m", Path.of("target/perfkit-unit/T/m"), List.of(ReportFormat.JSON), publisher);

    @Test
    void shouldReturnACopyWithTheBaselineWhenCompareWithIsCalled() {
        PerfRun compared = perf.compareWith(Path.of("baseline.json"), RegressionPolicy.defaults());

        assertThat(compared).isNotSameAs(perf);
        assertThat(compared.baseline()).contains(Path.of("baseline.json"));
        assertThat(perf.baseline()).isEmpty();
        assertThat(compared.reportsDir()).isEqualTo(perf.reportsDir());
        assertThat(compared.formats()).containsExactly(ReportFormat.JSON);
    }

    @Test
    void shouldNameTheArgumentWhenAnArgumentIsNull() {
        assertThatNullPointerException().isThrownBy(() -> perf.compareWith(null))
                .withMessage("perfRun.compareWith: baselineJson must not be null");
        assertThatNullPointerException().isThrownBy(() -> perf.compareWith(Path.of("b.json"), null))
                .withMessage("perfRun.compareWith: policy must not be null");
        assertThatNullPointerException().isThrownBy(() -> perf.assertThresholds(null, Thresholds.none()))
                .withMessage("perfRun.assertThresholds: result must not be null");
        assertThat(published).isEmpty();
    }
}
