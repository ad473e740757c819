package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void shouldReadWhatItWritesWhenDurationsRoundTrip() {
        for (Duration d : new Duration[] {Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(90), Duration.ofHours(2),
                Duration.ofMinutes(61).plusMillis(5)}) {
            assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
        }
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofNanos(1_500_000))).isEqualTo("1ms500000ns");
        assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse(" 1M30S ")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void shouldRejectTextWhenItIsNoDuration() {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("1.5s"))
                .withMessage("not a duration: \"1.5s\" (write 30s, 1m30s, 250ms or 2h)");
    }
}
