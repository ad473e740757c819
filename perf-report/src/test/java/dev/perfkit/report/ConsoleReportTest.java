package dev.perfkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleReportTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSummaryTableAndOneLinePerRuleAndFindingWhenJudged() throws Exception {
        RunResult result = TestRuns.complete();
        Path file = Reports.console().write(result, TestRuns.verdict(), dir.resolve("summary.txt")).get(0);

        String text = Files.readString(file);

        String nl = System.lineSeparator();
        assertThat(text).contains("shop: COMPLETED (the load profile ended)")
                .contains("name ").contains("p99.9 ms").contains(TestRuns.COMMA)
                .contains("verdict: CRITICAL (environment staging <eu>)" + nl)
                .contains("  PASS     p95(" + TestRuns.COMMA + ") < 200 ms: observed 1.3 ms, warning -, critical 200.0 ms (run)" + nl)
                .contains("  CRITICAL errorRate(say \"hi\") < 1 %: observed 20.00 %")
                .contains("  finding  Errors of say \"hi\" | 20 %" + nl)
                .doesNotContain("INCOMPLETE");
        assertThat(text).isEqualTo(Reports.summary(result, Optional.of(TestRuns.verdict())));
        // A line break in a sample name or message does not break the table's rows.
        assertThat(text.lines()).anySatisfy(l -> assertThat(l).startsWith("multi line | <b>&amp;</b>  "))
                .anySatisfy(l -> assertThat(l).endsWith("status 500, body \"oops\" second line"));
        assertThat(text.lines()).filteredOn(l -> l.equals("multi") || l.equals("second line")).isEmpty();
    }

    @Test
    void shouldMarkTheRunIncompleteOnOneLineWhenItFailed() throws Exception {
        String text = Reports.summary(TestRuns.failed(), Optional.empty());

        assertThat(text).contains("broken: FAILED").contains("verdict: not judged")
                .containsPattern("(?m)^INCOMPLETE run: status FAILED: .*the <engine> & \"it\" broke$");
    }
}
