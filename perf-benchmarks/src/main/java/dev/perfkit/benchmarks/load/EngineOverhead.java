package dev.perfkit.benchmarks.load;

import static dev.perfkit.benchmarks.load.Jvm.fmt;
import static dev.perfkit.benchmarks.load.Jvm.line;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Task;
import dev.perfkit.core.internal.Metrics;
import java.time.Duration;
import java.util.Arrays;

/**
 * The engine's own cost per iteration: a closed model of 1,000 users whose task does nothing, so
 * that every nanosecond spent is the engine's (user loop, task pick, two clock reads, recording,
 * interval collection). Target: at least 5 million iterations per second on 2 cores.
 *
 * <p>Two variants:
 * <ul>
 *   <li>{@code noop} ({@code session -> { }}): the target's case. A no-op task never blocks, so a
 *       virtual user never gives its carrier thread up: the users that reach the carriers first run
 *       alone until the end. The figure is the cost of the loop on all carriers, not of switching
 *       between 1,000 users.</li>
 *   <li>{@code yield} (the task counts its iteration per user, then calls {@code Thread.yield()}):
 *       every iteration gives the carrier up, so the 1,000 users rotate on the carriers, as users
 *       whose tasks block do. The figure is what an iteration costs with a virtual-thread switch in
 *       it; no target applies. How evenly the JDK's scheduler rotates them differs from run to run,
 *       so the run prints its own per-user counts.</li>
 * </ul>
 * For the no-op variant, a last short run counts how many users got to run, and how evenly.
 */
final class EngineOverhead {

    static final int USERS = 1000;
    static final Duration WARMUP = Duration.ofSeconds(3);
    static final Duration HOLD = Duration.ofSeconds(10);
    static final double TARGET_PER_SECOND = 5_000_000;
    /** A run that has not ended after this long is frozen: see {@link Jvm#runWithin}. */
    static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int PAD = 16;

    private EngineOverhead() {
    }

    static Scenario scenario(String name, Duration hold, boolean yield, Task task) {
        return Scenario.named(name).users(USERS).hold(hold).task(1, yield ? "yield" : "noop", task);
    }

    /**
     * Returns a task that counts its iterations per user into {@code perUser} (one 128-byte line per
     * user, 16 longs: the count, then the thread id, so that the users on the two carriers do not
     * share a cache line), then yields if asked.
     */
    private static Task counting(long[] perUser, boolean yield) {
        return session -> {
            int at = (int) session.userId() * PAD;
            perUser[at]++;
            perUser[at + 1] = Thread.currentThread().threadId();
            if (yield) {
                Thread.yield();
            }
        };
    }

    static void run(boolean yield) throws InterruptedException {
        String variant = yield ? "Thread.yield() task (every user rotates on the carriers)" : "no-op task";
        Jvm.printMachine();
        line("benchmark", "engine: closed model, " + USERS + " users, " + variant + ", hold " + HOLD.toSeconds() + " s");
        // The no-op variant runs a task that does nothing; its fairness is counted in a separate run.
        // The yield variant counts in the measured run itself: a counter is ~1 ns beside a switch, and
        // how the JDK's scheduler spreads yielding users differs from run to run, so the fairness of
        // the measured run is what explains its figure.
        long[] perUser = new long[(USERS + 1) * PAD];
        Task measured = yield ? counting(perUser, true) : session -> { };
        Jvm.runWithin(scenario("engine-warmup", WARMUP, yield,
                yield ? counting(new long[(USERS + 1) * PAD], true) : measured), LIMIT); // JIT warm-up, not measured

        long cpu0 = Jvm.processCpuNanos();
        RunResult r = Jvm.runWithin(scenario("engine", HOLD, yield, measured), LIMIT);
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
        if (yield) {
            line("target", "none for this variant (it measures what switching users costs)");
            printFairness("fairness (this run)", perUser, count);
            return;
        }
        Jvm.verdict(">= " + fmt(TARGET_PER_SECOND) + " iterations/s", perSecond >= TARGET_PER_SECOND);

        // Fairness probe: which users ran at all, and into which stripes did they record? A sample
        // metric picks its stripe by the id of the recording (virtual) thread. Counting costs a
        // little beside a no-op, so this is a separate run and its rate is not the measurement above.
        long[] probed = new long[(USERS + 1) * PAD];
        RunResult probe = Jvm.runWithin(scenario("engine-fairness", WARMUP, false, counting(probed, false)), LIMIT);
        long probeCount = probe.total().count();
        printFairness("fairness probe (3 s)", probed, probeCount);
        line("fairness probe rate", fmt(probeCount / (probe.duration().toNanos() / 1e9)) + "/s");
    }

    /** Prints how many users ran, how evenly, and into which stripes they recorded. */
    private static void printFairness(String label, long[] perUser, long count) {
        int stripes = Metrics.defaultStripes();
        int ran = 0;
        int[] usersPerStripe = new int[stripes];
        StringBuilder stripesUsed = new StringBuilder();
        long[] sorted = new long[USERS];
        for (int id = 1; id <= USERS; id++) {
            long n = perUser[id * PAD];
            sorted[id - 1] = n;
            if (n > 0) {
                ran++;
                int stripe = (int) (perUser[id * PAD + 1] & (stripes - 1));
                usersPerStripe[stripe]++;
                stripesUsed.append(stripesUsed.isEmpty() ? "" : ", ").append("user ").append(id)
                        .append(" -> stripe ").append(stripe);
            }
        }
        Arrays.sort(sorted);
        long busiest = sorted[USERS - 1];
        long top10 = 0;
        for (int i = USERS - 10; i < USERS; i++) {
            top10 += sorted[i];
        }
        line(label, ran + " of " + USERS + " users ran an iteration; the busiest ran "
                + fmt(100.0 * busiest / Math.max(1, count)) + " % of all " + fmt(count));
        line(label + ", per user", "min " + fmt(sorted[0]) + ", median " + fmt(sorted[USERS / 2])
                + ", mean " + fmt((double) count / USERS) + ", max " + fmt(busiest)
                + "; the 10 busiest users ran " + fmt(100.0 * top10 / Math.max(1, count)) + " %");
        line(label + ", stripes (of " + stripes + ")", ran > 8
                ? "users per stripe " + Arrays.toString(usersPerStripe) : stripesUsed);
    }
}
