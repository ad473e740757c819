package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    @TempDir
    Path dir;

    /** Counts the cell separators of a table row: the pipes not escaped by a backslash. */
    private static long separators(String row) {
        long n = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldKeepEveryTableRowOnOneLineWithItsCellsWhenNamesHoldPipesAndLineBreaks() throws Exception {
        RunResult result = TestRuns.complete();
        Path file = Reports.markdown().write(result, TestRuns.verdict(), dir.resolve("summary.md")).get(0);

        List<String> lines = Files.readAllLines(file);

        List<String> top = lines.stream().filter(l -> l.startsWith("| ")).toList();
        assertThat(top).filteredOn(l -> separators(l) == 8).hasSize(1 + 1 + result.samples().size());
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| multi line \\| \\<b\\>&amp;amp;\\</b\\> | "));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| say \"hi\" | "));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| **total** | " + result.total().count() + " | "));
    }

    @Test
    void shouldShowTheVerdictMarkerTheRulesThatDidNotPassAndTheFindingsWhenJudged() throws Exception {
        Path file = Reports.markdown().write(TestRuns.complete(), TestRuns.verdict(), dir.resolve("summary.md")).get(0);

        String md = Files.readString(file);

        assertThat(md).startsWith("### [CRITICAL] perfkit: shop\n").doesNotContain("[INCOMPLETE]")
                .contains("1 of 3 rules passed.")
                .contains("| [WARNING] | throughput \\>= 5000 /s | 2100.5 /s | 6000.0 /s | 5000.0 /s | last 30 s |")
                .contains("| [CRITICAL] | errorRate(say \"hi\") \\< 1 % | 20.00 % | 0.50 % | 1.00 % | run |")
                .doesNotContain("p95\\(GET")
                .contains("- **Errors of say \"hi\" \\| 20 %** (error\\_burst, say \"hi\")  \n"
                        + "  Check the \\<server\\> logs &amp; retry. Then rerun.\n");
    }

    @Test
    void shouldMarkTheRunIncompleteAndNotJudgedWhenItFailedWithoutVerdict() throws Exception {
        Path file = Reports.markdown().write(TestRuns.failed(), Optional.empty(), dir.resolve("summary.md")).get(0);

        String md = Files.readString(file);

        assertThat(md).startsWith("### [NOT JUDGED] perfkit: broken\n\n**[INCOMPLETE]** status FAILED: ")
                .contains("the \\<engine\\> &amp; \"it\" broke");
    }
}
