package dev.perfkit.core;

import dev.perfkit.core.internal.SummaryTable;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a compact progress line per interval and the summary table at the end of a run:
 * <pre>
 * [   12s] users   50 | in flight    3 | 1234.5/s | p95   12.30 ms | errors  0.10% | dropped 0
 * </pre>
 * Writes to the given stream from the run's coordinator thread. Stateless: one instance may serve
 * several runs.
 */
public final class ConsoleListener implements RunListener {

    private final PrintStream out;
    private final boolean progress;
    private final boolean summary;

    private ConsoleListener(PrintStream out, boolean progress, boolean summary) {
        this.out = out;
        this.progress = progress;
        this.summary = summary;
    }

    /** Returns a listener that prints progress and the summary to {@code System.out}. */
    public static ConsoleListener create() {
        return new ConsoleListener(System.out, true, true);
    }

    /**
     * Returns a listener that prints the start line and a line per interval to a stream, but no
     * summary at the end: for a program that prints the summary itself, with its verdict (perf-report's
     * {@code Reports.summary}).
     *
     * @param out the stream
     * @return the listener
     */
    public static ConsoleListener progressOnly(PrintStream out) {
        return new ConsoleListener(Checks.notNull("consoleListener", "out", out), true, false);
    }

    /**
     * Returns a listener that prints to a stream.
     *
     * @param out      the stream
     * @param progress whether to print a line per interval, or only the summary
     * @return the listener
     */
    public static ConsoleListener to(PrintStream out, boolean progress) {
        return new ConsoleListener(Checks.notNull("consoleListener", "out", out), progress, true);
    }

    @Override
    public void onStart(Scenario scenario, long seed) {
        out.println("perfkit: running " + scenario.describe() + " (seed " + seed + ")");
    }

    @Override
    public void onInterval(IntervalStats interval) {
        if (!progress) {
            return;
        }
        IntervalStats.Interval t = interval.total();
        long elapsedSeconds = interval.start().plus(interval.length()).toSeconds();
        out.println(String.format(Locale.ROOT,
                "[%5ds] users %5d | in flight %5d | %9.1f/s | p95 %9.2f ms | errors %6.2f%% | dropped %d",
                elapsedSeconds, interval.activeUsers(), interval.inFlight(), t.throughput(), t.p95Nanos() / 1e6,
                t.errorRate() * 100, interval.dropped()));
    }

    @Override
    public void onEnd(RunResult result) {
        if (summary) {
            out.print(SummaryTable.format(result));
        }
    }
}
