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
 *   <li>{@code yield} ({@code session -> Thread.yield()}): every iteration gives the carrier up, so
 *       all 1,000 users rotate on the carriers, as users whose tasks block do. The figure is what
 *       an iteration costs with a virtual-thread switch in it; no target applies.</li>
 * </ul>
 * A last short run of the same variant counts how many users got to run, and how evenly.
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

    private static Task task(boolean yield) {
        return yield ? session -> Thread.yield() : session -> { };
    }

    static void run(boolean yield) throws InterruptedException {
        String variant = yield ? "Thread.yield() task (every user rotates on the carriers)" : "no-op task";
        Jvm.printMachine();
        line("benchmark", "engine: closed model, " + USERS + " users, " + variant + ", hold " + HOLD.toSeconds() + " s");
        Jvm.runWithin(scenario("engine-warmup", WARMUP, yield, task(yield)), LIMIT); // JIT warm-up, not measured

        long cpu0 = Jvm.processCpuNanos();
        RunResult r = Jvm.runWithin(scenario("engine", HOLD, yield, task(yield)), LIMIT);
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
        } else {
            Jvm.verdict(">= " + fmt(TARGET_PER_SECOND) + " iterations/s", perSecond >= TARGET_PER_SECOND);
        }

        // Fairness probe: which users ran at all, how evenly, and into which stripes did they record?
        // A sample metric picks its stripe by the id of the recording (virtual) thread. Counting costs
        // a little, so this is a separate run and its rate is not the measurement above.
        // One 128-byte line per user (16 longs: the count, then the thread id), so that the two users
        // on the two carriers do not share a cache line in this counting.
        long[] perUser = new long[(USERS + 1) * PAD];
        RunResult probe = Jvm.runWithin(scenario("engine-fairness", WARMUP, yield, session -> {
            int at = (int) session.userId() * PAD;
            perUser[at]++;
            perUser[at + 1] = Thread.currentThread().threadId();
            if (yield) {
                Thread.yield();
            }
        }), LIMIT);
        int stripes = Metrics.defaultStripes();
        int ran = 0;
        long busiest = 0;
        long least = Long.MAX_VALUE;
        int[] usersPerStripe = new int[stripes];
        StringBuilder stripesUsed = new StringBuilder();
        for (int id = 1; id <= USERS; id++) {
            long n = perUser[id * PAD];
            least = Math.min(least, n);
            if (n > 0) {
                ran++;
                busiest = Math.max(busiest, n);
                int stripe = (int) (perUser[id * PAD + 1] & (stripes - 1));
                usersPerStripe[stripe]++;
                stripesUsed.append(stripesUsed.isEmpty() ? "" : ", ").append("user ").append(id)
                        .append(" -> stripe ").append(stripe);
            }
        }
        long probeCount = probe.total().count();
        line("fairness probe (3 s)", ran + " of " + USERS + " users ran an iteration; the busiest ran "
                + fmt(100.0 * busiest / Math.max(1, probeCount)) + " % of all " + fmt(probeCount));
        long[] sorted = new long[USERS];
        for (int id = 1; id <= USERS; id++) {
            sorted[id - 1] = perUser[id * PAD];
        }
        Arrays.sort(sorted);
        long top10 = 0;
        for (int i = USERS - 10; i < USERS; i++) {
            top10 += sorted[i];
        }
        line("fairness probe iterations per user", "min " + fmt(least) + ", median " + fmt(sorted[USERS / 2])
                + ", mean " + fmt((double) probeCount / USERS) + ", max " + fmt(busiest)
                + "; the 10 busiest users ran " + fmt(100.0 * top10 / Math.max(1, probeCount)) + " %");
        line("fairness probe rate", fmt(probeCount / (probe.duration().toNanos() / 1e9)) + "/s");
        line("fairness probe stripes (of " + stripes + ")", ran > 8
                ? "users per stripe " + Arrays.toString(usersPerStripe) : stripesUsed);
    }
}
