package dev.perfkit.examples.suites;

import dev.perfkit.core.RunListener;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The degradation across the API suite's scalability steps: a listener on every step that keeps
 * each step's response time of one request and, when a step ends, prints one line comparing every
 * step so far with the first:
 *
 * <pre>
 * scalability of GET /dashboard: 10 users p95 4.1 ms 640/s | 20 users p95 7.9 ms (x1.9) 700/s | ...
 * </pre>
 *
 * <p>Each step is also a scenario of its own, judged and reported by the runner; this line is the
 * one place that puts them side by side. The runner runs scenarios one after the other, so
 * {@link #onEnd} is never called for two steps at once; it is synchronised anyway.
 */
final class ScalabilityLog {

    private final String request;
    private final PrintStream out;
    private final List<String> steps = new ArrayList<>();
    private double firstP95Millis = Double.NaN;

    ScalabilityLog(String request, PrintStream out) {
        this.request = request;
        this.out = out;
    }

    /** Returns the listener of the step with {@code users} users. */
    RunListener step(int users) {
        return new RunListener() {
            @Override
            public void onEnd(RunResult result) {
                record(users, result.peakUsers(), result.sample(request));
            }
        };
    }

    /**
     * Adds a step's figures and returns the line printed.
     *
     * @param users  the step's users
     * @param peak   the users the run reached: fewer when {@code --duration} cut the ramp short
     * @param sample the request's statistics in the step
     */
    synchronized String record(int users, int peak, Optional<SampleStats> sample) {
        String label = users + " users" + (peak < users ? " (reached " + peak + ")" : "");
        if (sample.isEmpty() || sample.get().count() == 0) {
            steps.add(label + ": no " + request);
        } else {
            SampleStats s = sample.get();
            double p95 = s.responseTime().p95().toNanos() / 1e6;
            if (Double.isNaN(firstP95Millis)) {
                firstP95Millis = p95;
            }
            String factor = steps.isEmpty() || firstP95Millis <= 0 ? ""
                    : String.format(Locale.ROOT, " (x%.1f)", p95 / firstP95Millis);
            steps.add(String.format(Locale.ROOT, "%s p95 %.1f ms%s %.0f/s", label, p95, factor, s.throughput()));
        }
        String line = "scalability of " + request + ": " + String.join(" | ", steps);
        out.println(line);
        return line;
    }
}
