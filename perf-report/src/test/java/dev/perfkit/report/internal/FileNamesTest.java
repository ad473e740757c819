package dev.perfkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void shouldGiveSafeDistinctNamesWhenSampleNamesCollideOrHoldPathCharacters() {
        FileNames names = new FileNames(".hlog", "index.csv");

        assertThat(names.next("GET /a/b")).isEqualTo("GET__a_b.hlog");
        assertThat(names.next("GET :a:b")).isEqualTo("GET__a_b-2.hlog");
        assertThat(names.next("get__A_B")).isEqualTo("get__A_B-3.hlog");
        assertThat(names.next("../../etc/passwd")).isEqualTo("_._.._etc_passwd.hlog");
        assertThat(names.next(".hidden")).isEqualTo("_hidden.hlog");
        assertThat(names.next("x".repeat(300))).isEqualTo("x".repeat(FileNames.MAX_LENGTH) + ".hlog");
        assertThat(names.next("é")).isEqualTo("_.hlog");
    }

    @Test
    void shouldKeepClearOfReservedNamesWhenASampleIsNamedLikeThem() {
        FileNames names = new FileNames(".csv", "index.csv");

        assertThat(names.next("index")).isEqualTo("index-2.csv");
    }
}
