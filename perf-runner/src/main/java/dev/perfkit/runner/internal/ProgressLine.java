package dev.perfkit.runner.internal;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunListener;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress of a running scenario: on a terminal one line rewritten in place every interval
 * ({@code \r}), elsewhere (CI logs, files) one line per interval. Prints nothing else.
 */
final class ProgressLine implements RunListener {

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private int lastLength;

    ProgressLine(PrintStream out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    @Override
    public void onStart(Scenario scenario, long seed) {
        out.println("running " + label + ": " + scenario.describe() + " (seed " + seed + ")");
    }

    @Override
    public void onInterval(IntervalStats interval) {
        IntervalStats.Interval t = interval.total();
        String line = String.format(Locale.ROOT,
                "[%5.1fs] %s | users %4d | %8.1f/s | p95 %8.2f ms | errors %5.2f%% | requests %d",
                interval.start().plus(interval.length()).toMillis() / 1000.0, label, interval.activeUsers(),
                t.throughput(), t.p95Nanos() / 1e6, t.errorRate() * 100, t.count());
        if (terminal) {
            String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
            out.print("\r" + line + pad);
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void onEnd(RunResult result) {
        if (terminal && lastLength > 0) {
            out.println();
        }
        out.println("finished " + label + ": " + result.status().name().toLowerCase(Locale.ROOT) + ", "
                + result.total().count() + " samples in " + result.duration().toMillis() + " ms");
    }
}
