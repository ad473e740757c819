package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

    // Reference values from the standard t table (R: qt((1 + confidence) / 2, df)).
    @ParameterizedTest
    @CsvSource({
        "0.95, 1, 12.706205",
        "0.95, 2, 4.302653",
        "0.95, 10, 2.228139",
        "0.95, 30, 2.042272",
        "0.99, 5, 4.032143",
        "0.90, 20, 1.724718",
        "0.95, 100000, 1.959988",
    })
    void shouldMatchTheTableWhenCriticalValueIsComputed(double confidence, int df, double expected) {
        assertThat(StudentT.twoSidedCritical(confidence, df)).isCloseTo(expected, within(1e-5));
    }

    @Test
    void shouldBeSymmetricAroundZeroWhenCdfIsComputed() {
        assertThat(StudentT.cdf(0, 7)).isCloseTo(0.5, within(1e-12));
        assertThat(StudentT.cdf(-2.0, 7) + StudentT.cdf(2.0, 7)).isCloseTo(1.0, within(1e-12));
        assertThat(StudentT.cdf(1, 1)).isCloseTo(0.75, within(1e-12)); // Cauchy: 1/2 + atan(1)/pi
    }

    @Test
    void shouldRejectArgumentsOutOfRangeWhenCriticalValueIsAsked() {
        assertThatIllegalArgumentException().isThrownBy(() -> StudentT.twoSidedCritical(1.0, 3))
                .withMessage("studentT: confidence must be within (0, 1), was 1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> StudentT.twoSidedCritical(0.95, 0))
                .withMessage("studentT: df must be >= 1, was 0");
    }
}
