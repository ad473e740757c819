package dev.perfkit.benchmarks.load;

import static dev.perfkit.benchmarks.load.Jvm.fmt;
import static dev.perfkit.benchmarks.load.Jvm.line;
import static dev.perfkit.benchmarks.load.Jvm.mib;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunHandle;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunSnapshot;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.ThinkTime;
import java.time.Duration;

/**
 * 100,000 concurrent virtual users in a 512 MiB heap: each runs a no-op task, then thinks 1 s.
 * Ramp 10 s, hold 60 s. Near the end of the hold (3 s before it), with every user alive, the main
 * thread forces a full GC and reads the live heap; the heap live before the run is subtracted and
 * the rest divided by the users alive. Target: about 5 KB per user at most.
 *
 * <p>Also printed: the peak heap in use (sampled every 100 ms, garbage included, and the sum of the
 * heap pools' peaks, an upper bound), the collections during the run, and the iterations per second
 * during the hold (about 100,000/s if the engine keeps up with 100,000 users thinking 1 s), and on
 * Linux the CPU per iteration of each thread group ({@link ThreadCpu}).
 */
final class ScaleMemory {

    static final int USERS = 100_000;
    static final Duration RAMP = Duration.ofSeconds(10);
    static final Duration HOLD = Duration.ofSeconds(60);
    static final Duration MEASURE_BEFORE_END = Duration.ofSeconds(3);
    static final long TARGET_BYTES_PER_USER = 5 * 1024;
    /** A run still going this long after its profile is frozen: see {@link Jvm#frozen}. */
    static final Duration LIMIT_AFTER_END = Duration.ofSeconds(60);

    private ScaleMemory() {
    }

    static void run() throws InterruptedException {
        Jvm.printMachine();
        line("benchmark", "scale: " + fmt(USERS) + " users, think time 1 s, no-op task, ramp "
                + RAMP.toSeconds() + " s, hold " + HOLD.toSeconds() + " s");
        if (Runtime.getRuntime().maxMemory() > 600L * 1024 * 1024) {
            line("warning", "the target is stated for -Xmx512m; this JVM has " + mib(Runtime.getRuntime().maxMemory()));
        }
        Scenario scenario = Scenario.named("scale").users(USERS).rampUp(RAMP).hold(HOLD)
                .thinkTime(ThinkTime.constant(Duration.ofSeconds(1)))
                .task(1, "noop", session -> { });

        long before = Jvm.heapUsedAfterGc();
        Jvm.resetHeapPeaks();
        long[] gc0 = Jvm.gcCountAndMillis();
        ThreadCpu threads = ThreadCpu.available() ? new ThreadCpu("coordinator") : null;
        if (threads != null) {
            threads.warmUp();
        }
        long cpu0 = Jvm.processCpuNanos();
        if (threads != null) {
            threads.start();
        }
        RunHandle handle = LoadTest.start(scenario);
        long measureAt = RAMP.plus(HOLD).minus(MEASURE_BEFORE_END).toNanos();
        long peakSampled = 0;
        long liveAtHold = -1;
        int usersAtHold = 0;
        long gcPauseMillis = 0;
        while (!handle.completion().isDone()) {
            peakSampled = Math.max(peakSampled, Jvm.heapUsed());
            RunSnapshot s = handle.snapshot();
            if (liveAtHold < 0 && s.elapsed().toNanos() >= measureAt) {
                usersAtHold = s.activeUsers();
                long t0 = System.nanoTime();
                liveAtHold = Jvm.heapUsedAfterGc();
                gcPauseMillis = (System.nanoTime() - t0) / 1_000_000;
            }
            handle.await(Duration.ofMillis(100));
            if (threads != null) {
                threads.pollWatched();
            }
            if (s.elapsed().compareTo(RAMP.plus(HOLD).plus(LIMIT_AFTER_END)) > 0 && !handle.completion().isDone()) {
                Jvm.frozen(handle, "scale", RAMP.plus(HOLD).plus(LIMIT_AFTER_END));
            }
        }
        RunResult r = handle.await();
        if (threads != null) {
            threads.stop();
        }
        long cpu = Jvm.processCpuNanos() - cpu0;
        long[] gc1 = Jvm.gcCountAndMillis();

        line("status", r.status() + " (" + r.stopReason() + ")");
        line("duration", fmt(r.duration().toNanos() / 1e9) + " s");
        line("peak users", fmt(r.peakUsers()));
        line("users alive at the heap reading", fmt(usersAtHold));
        line("live heap before the run", mib(before));
        line("live heap near the end of the hold", mib(liveAtHold) + " (forced full GC took " + gcPauseMillis + " ms)");
        long perUser = usersAtHold == 0 ? -1 : (liveAtHold - before) / usersAtHold;
        line("bytes per user", fmt(perUser));
        line("peak heap in use (sampled/100 ms)", mib(peakSampled));
        line("peak heap (sum of pool peaks)", mib(Jvm.sumOfHeapPoolPeaks()));
        line("GCs during the run", fmt(gc1[0] - gc0[0]) + " (" + fmt(gc1[1] - gc0[1]) + " ms in total)");
        line("process CPU", fmt(cpu / 1e9) + " s (" + fmt(100.0 * cpu / (r.duration().toNanos()
                * (double) Runtime.getRuntime().availableProcessors())) + " % of all cores)");
        line("iterations (total().count())", fmt(r.total().count()));
        line("iterations/s during the hold", fmt(holdRate(r)));
        line("task time p99 / max", fmt(r.total().serviceTime().p99Nanos()) + " / "
                + fmt(r.total().serviceTime().maxNanos()) + " ns");
        if (threads != null) {
            line("CPU by thread group", "per iteration, ramp and hold; blocking waits = voluntary context switches");
            Jvm.printCpuBreakdown(threads, cpu, Math.max(1, r.total().count()), "iteration");
        }
        Jvm.verdict("<= " + fmt(TARGET_BYTES_PER_USER) + " bytes per user", perUser >= 0 && perUser <= TARGET_BYTES_PER_USER);
    }

    /** Iterations per second over the intervals that lie entirely inside the hold, the first second excepted. */
    private static double holdRate(RunResult r) {
        long from = RAMP.plusSeconds(1).toNanos();
        long to = RAMP.plus(HOLD).toNanos();
        long count = 0;
        long nanos = 0;
        for (IntervalStats i : r.intervals()) {
            long start = i.start().toNanos();
            long end = start + i.length().toNanos();
            if (start >= from && end <= to) {
                count += i.total().count();
                nanos += i.length().toNanos();
            }
        }
        return nanos == 0 ? 0 : count / (nanos / 1e9);
    }
}
