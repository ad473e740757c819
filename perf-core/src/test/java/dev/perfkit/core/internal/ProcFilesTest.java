package dev.perfkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void shouldCountFieldsAfterLastParenthesisWhenCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 2066 0 0 0 150 25 0 0 20 0 7 0 123456 "
                + "2326528 256 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

        ProcFiles.Stat parsed = ProcFiles.parseStat(stat);

        assertThat(parsed).isEqualTo(new ProcFiles.Stat('S', 175, 123456));
        assertThat(parsed.ended()).isFalse();
        assertThat(ProcFiles.parseStat(stat.replace(") S ", ") Z ")).ended()).isTrue();
    }

    @Test
    void shouldRejectTextWhenItIsNotAStatLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProcFiles.parseStat("hello"))
                .withMessage("not a /proc/<pid>/stat line: \"hello\"");
    }

    @Test
    void shouldReadResidentMemoryInBytesAndThreadsWhenStatusIsParsed() {
        String status = "Name:\tsleep\nState:\tS (sleeping)\nVmPeak:\t    8224 kB\nVmRSS:\t    1920 kB\nThreads:\t3\n";

        assertThat(ProcFiles.parseStatus(status)).isEqualTo(new ProcFiles.Status(1920 * 1024, 3));
        assertThat(ProcFiles.parseStatus("Name:\tzombie\nState:\tZ (zombie)\nThreads:\t1\n"))
                .isEqualTo(new ProcFiles.Status(-1, 1));
    }
}
