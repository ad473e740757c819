package dev.perfkit.benchmarks.load;

import static dev.perfkit.benchmarks.load.Jvm.fmt;
import static dev.perfkit.benchmarks.load.Jvm.line;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.internal.Metrics;
import java.time.Duration;

/**
 * The engine's own cost per iteration: a closed model of 1,000 users whose task does nothing, so
 * that every nanosecond spent is the engine's (user loop, task pick, two clock reads, recording,
 * interval collection). Target: at least 5 million iterations per second on 2 cores.
 *
 * <p>A no-op task never blocks, so a virtual user never gives its carrier thread up: the users that
 * reach the carriers first run alone until the end. The iterations/s figure is therefore the cost of
 * the loop on all carriers, not of switching between 1,000 users; a last short run counts how many
 * users got to run at all, to make that visible.
 */
final class EngineOverhead {

    static final int USERS = 1000;
    static final Duration WARMUP = Duration.ofSeconds(3);
    static final Duration HOLD = Duration.ofSeconds(10);
    static final double TARGET_PER_SECOND = 5_000_000;
    private static final int PAD = 16;

    private EngineOverhead() {
    }

    static Scenario scenario(Duration hold) {
        return Scenario.named("engine").users(USERS).hold(hold).task(1, "noop", session -> { });
    }

    static void run() throws InterruptedException {
        Jvm.printMachine();
        line("benchmark", "engine: closed model, " + USERS + " users, no-op task, hold " + HOLD.toSeconds() + " s");
        LoadTest.run(scenario(WARMUP)); // JIT warm-up, not measured

        long cpu0 = Jvm.processCpuNanos();
        RunResult r = LoadTest.run(scenario(HOLD));
        long cpu = Jvm.processCpuNanos() - cpu0;

        double seconds = r.duration().toNanos() / 1e9;
        long count = r.total().count();
        double perSecond = count / seconds;
        line("status", r.status() + " (" + r.stopReason() + ")");
        line("duration", fmt(seconds) + " s");
        line("iterations (total().count())", fmt(count));
        line("iterations/s", fmt(perSecond));
        line("ns per iteration (wall, all cores)", fmt(1e9 / perSecond));
        line("process CPU", fmt(cpu / 1e9) + " s (" + fmt(100.0 * cpu / (r.duration().toNanos()
                * (double) Runtime.getRuntime().availableProcessors())) + " % of all cores)");
        line("CPU ns per iteration", fmt((double) cpu / count));
        line("peak users", r.peakUsers());
        line("task time p50 / p99 / max", r.total().serviceTime().p50Nanos() + " / "
                + r.total().serviceTime().p99Nanos() + " / " + r.total().serviceTime().maxNanos() + " ns");
        Jvm.verdict(">= " + fmt(TARGET_PER_SECOND) + " iterations/s", perSecond >= TARGET_PER_SECOND);

        // Fairness probe: which users ran at all, and into which stripes did they record? A sample
        // metric picks its stripe by the id of the recording (virtual) thread. Counting costs a little,
        // so this is a separate run and its rate is not the measurement above.
        // One 128-byte line per user (16 longs: the count, then the thread id), so that the two users
        // on the two carriers do not share a cache line in this counting.
        long[] perUser = new long[(USERS + 1) * PAD];
        RunResult probe = LoadTest.run(Scenario.named("engine-fairness").users(USERS).hold(WARMUP)
                .task(1, "count", session -> {
                    int at = (int) session.userId() * PAD;
                    perUser[at]++;
                    perUser[at + 1] = Thread.currentThread().threadId();
                }));
        int stripes = Metrics.defaultStripes();
        int ran = 0;
        long busiest = 0;
        StringBuilder stripesUsed = new StringBuilder();
        for (int id = 1; id <= USERS; id++) {
            long n = perUser[id * PAD];
            if (n > 0) {
                ran++;
                busiest = Math.max(busiest, n);
                stripesUsed.append(stripesUsed.isEmpty() ? "" : ", ").append("user ").append(id)
                        .append(" -> stripe ").append(perUser[id * PAD + 1] & (stripes - 1));
            }
        }
        long probeCount = probe.total().count();
        line("fairness probe (3 s)", ran + " of " + USERS + " users ran an iteration; the busiest ran "
                + fmt(100.0 * busiest / Math.max(1, probeCount)) + " % of all " + fmt(probeCount));
        line("fairness probe rate", fmt(probeCount / (probe.duration().toNanos() / 1e9)) + "/s");
        line("fairness probe stripes (of " + stripes + ")", ran > 8 ? "(more than 8 users ran)" : stripesUsed);
    }
}
