package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordsTest {

    @TempDir
    Path dir;

    @Test
    void shouldMapFieldsToHeaderWhenReadingSimpleCsv() {
        List<Map<String, String>> records = parse("name,email,age\nann,ann@x.org,31\nbob,bob@x.org,42\n");

        assertThat(records).containsExactly(
                Map.of("name", "ann", "email", "ann@x.org", "age", "31"),
                Map.of("name", "bob", "email", "bob@x.org", "age", "42"));
        assertThat(records.get(0).keySet()).containsExactly("name", "email", "age");
    }

    @Test
    void shouldUnquoteFieldsWhenTheyHoldCommasQuotesAndLineBreaks() {
        List<Map<String, String>> records = parse(
                "id,text,note\n1,\"a, b\",\"say \"\"hi\"\"\"\n2,\"line one\nline two\",\"\"\n");

        assertThat(records).containsExactly(
                Map.of("id", "1", "text", "a, b", "note", "say \"hi\""),
                Map.of("id", "2", "text", "line one\nline two", "note", ""));
    }

    @Test
    void shouldSplitLinesWhenLineEndingsAreCrlf() {
        List<Map<String, String>> records = parse("a,b\r\n1,\"x\r\ny\"\r\n3,4\r\n");

        assertThat(records).containsExactly(Map.of("a", "1", "b", "x\r\ny"), Map.of("a", "3", "b", "4"));
    }

    @Test
    void shouldSkipByteOrderMarkWhenInputStartsWithOne() {
        List<Map<String, String>> records = parse("\uFEFFname\nann");

        assertThat(records).containsExactly(Map.of("name", "ann"));
    }

    @Test
    void shouldIgnoreEmptyLinesWhenTheyAppearAnywhere() {
        List<Map<String, String>> records = parse("\na,b\n\n1,2\r\n\r\n3,4\n\n");

        assertThat(records).containsExactly(Map.of("a", "1", "b", "2"), Map.of("a", "3", "b", "4"));
    }

    @Test
    void shouldKeepEmptyFieldsWhenSeparatorsAreAdjacent() {
        assertThat(parse("a,b,c\n,,\n")).containsExactly(Map.of("a", "", "b", "", "c", ""));
    }

    @Test
    void shouldReturnNoRecordsWhenOnlyHeaderIsPresent() {
        assertThat(parse("a,b\n")).isEmpty();
    }

    @Test
    void shouldReturnUnmodifiableRecordsWhenRead() {
        List<Map<String, String>> records = parse("a\n1\n");

        assertThatThrownBy(() -> records.get(0).put("a", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> records.add(Map.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldNameSourceAndLineWhenRecordHasWrongFieldCount() {
        assertThatThrownBy(() -> parse("name,email,age\nann,a@x.org,31\n\"multi\nline\",b,2\nbob,b@x.org\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users.csv:5: expected 3 fields, found 2");
    }

    @Test
    void shouldNameOpeningLineWhenQuoteIsUnterminated() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"open\nnever closed\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users.csv:3: unterminated quoted field in column 2");
    }

    @Test
    void shouldRejectTextWhenItFollowsClosingQuote() {
        assertThatThrownBy(() -> parse("a,b\n\"x\"y,2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users.csv:2: unexpected character 'y' after the closing quote in column 1");
    }

    @Test
    void shouldRejectHeaderWhenNameIsDuplicated() {
        assertThatThrownBy(() -> parse("id,email,name,email\n1,2,3,4\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users.csv:1: duplicate header name 'email' in columns 2 and 4");
    }

    @Test
    void shouldRejectHeaderWhenNameIsEmpty() {
        assertThatThrownBy(() -> parse("id,,name\n1,2,3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users.csv:1: empty header name in column 2");
    }

    @Test
    void shouldRejectInputWhenItIsEmpty() {
        for (String empty : List.of("", "\uFEFF", "\n\r\n")) {
            assertThatThrownBy(() -> parse(empty))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("users.csv:1: empty file, expected a header line");
        }
    }

    @Test
    void shouldReadRecordsWhenFileIsWrittenToDisk() throws Exception {
        Path file = Files.writeString(dir.resolve("users.csv"), "\uFEFFuser,password\r\nann,\"p,w\"\r\n");

        List<Map<String, String>> records = CsvRecords.read(file);

        assertThat(records).containsExactly(Map.of("user", "ann", "password", "p,w"));
        assertThat(Feeder.circular(records).name()).isEqualTo(file.toString());
    }

    @Test
    void shouldNamePathWhenFileIsInvalid() throws Exception {
        Path file = Files.writeString(dir.resolve("users.csv"), "a,b\n1\n");

        assertThatThrownBy(() -> CsvRecords.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ":2: expected 2 fields, found 1");
    }

    @Test
    void shouldWrapIoExceptionWhenFileIsMissing() {
        Path missing = dir.resolve("missing.csv");

        assertThatThrownBy(() -> CsvRecords.read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(missing + ": cannot read: java.nio.file.NoSuchFileException");
    }

    @Test
    void shouldNameFeederAfterSourceWhenBuiltFromCsv() {
        Feeder<Map<String, String>> feeder = Feeder.once(parse("a\n1\n"));

        feeder.next();
        assertThatThrownBy(feeder::next).hasMessage("feeder 'users.csv' ran out of records");
    }

    @Test
    void shouldRejectNullWhenArgumentsAreMissing() {
        assertThatThrownBy(() -> CsvRecords.read(null))
                .isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> CsvRecords.read(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("reader");
        assertThatThrownBy(() -> CsvRecords.read(new StringReader(""), null))
                .isInstanceOf(NullPointerException.class).hasMessage("sourceName");
    }

    private static List<Map<String, String>> parse(String csv) {
        return CsvRecords.read(new StringReader(csv), "users.csv");
    }
}
