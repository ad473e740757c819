package dev.perfkit.benchmarks.load;

import static dev.perfkit.benchmarks.load.Jvm.fmt;
import static dev.perfkit.benchmarks.load.Jvm.line;

import dev.perfkit.core.ArrivalProfile;
import dev.perfkit.core.ArrivalRate;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunHandle;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import java.time.Duration;

/**
 * The open-model pacer: does it start iterations at the rate asked, and what does each start cost?
 * 5,000 arrivals per second for 10 s, a no-op task, a concurrency cap that is never reached.
 *
 * <p>Figures: the achieved rate (count / measured duration) against 5,000/s, target within 1%; the
 * dropped arrivals; the process CPU time per iteration (every thread: pacer, carriers, coordinator,
 * JIT, GC), target at most 5 µs; and the pacer thread's own CPU per iteration, read from
 * {@code ThreadMXBean} every 20 ms while it lives. How late iterations start is the response time
 * (from the due time) minus the service time (from the actual start) of a no-op task.
 *
 * <p>Where the CPU goes: on Linux, the CPU time and the blocking waits (voluntary context switches)
 * of every thread group over the run (pacer, carriers, coordinator, JIT, GC, this benchmark's main
 * thread), per iteration; see {@link ThreadCpu}. The pacer's allocation per iteration comes from
 * {@code com.sun.management.ThreadMXBean}.
 */
final class PacerAccuracy {

    static final double RATE = 5000;
    static final Duration WARMUP = Duration.ofSeconds(5);
    static final Duration DURATION = Duration.ofSeconds(10);
    static final int MAX_CONCURRENCY = 100_000;
    static final double TARGET_CPU_NANOS = 5_000;
    /** A run still going this long after its profile is frozen: see {@link Jvm#frozen}. */
    static final Duration LIMIT_AFTER_END = Duration.ofSeconds(50);

    private PacerAccuracy() {
    }

    static Scenario scenario(String name, Duration duration) {
        return Scenario.named(name)
                .arrivals(ArrivalProfile.constant(ArrivalRate.of(RATE).perSecond(), duration))
                .maxConcurrency(MAX_CONCURRENCY)
                .task(1, "noop", session -> { });
    }

    /** One observed run: its result and what the JVM spent on it. */
    private record Observation(RunResult result, long processCpu, long pacerCpu, long pacerAllocated,
                               long gcCount, long gcMillis, ThreadCpu threads) {
    }

    /**
     * Runs the scenario and watches it: the process CPU over the run, the pacer thread's CPU and
     * allocation (ThreadMXBean, every 20 ms while it lives) and, on Linux, every thread group's CPU.
     */
    private static Observation observe(String name, Duration duration) throws InterruptedException {
        ThreadCpu threads = ThreadCpu.available() ? new ThreadCpu("pacer", "coordinator") : null;
        long[] gc0 = Jvm.gcCountAndMillis();
        long cpu0 = Jvm.processCpuNanos();
        if (threads != null) {
            threads.start();
        }
        long started = System.nanoTime();
        RunHandle handle = LoadTest.start(scenario(name, duration));
        Thread pacer = Jvm.findThread("perfkit-pacer-" + name, 5000);
        long pacerCpu = -1;
        long pacerAllocated = -1;
        while (!handle.completion().isDone()) {
            long c = pacer == null ? -1 : Jvm.threadCpuNanos(pacer);
            if (c >= 0) {
                pacerCpu = c;
            }
            long a = pacer == null ? -1 : Jvm.threadAllocatedBytes(pacer);
            if (a >= 0) {
                pacerAllocated = a;
            }
            if (threads != null) {
                threads.pollWatched();
            }
            handle.await(Duration.ofMillis(20));
            if (System.nanoTime() - started > duration.plus(LIMIT_AFTER_END).toNanos() && !handle.completion().isDone()) {
                Jvm.frozen(handle, name, duration.plus(LIMIT_AFTER_END));
            }
        }
        RunResult r = handle.await();
        if (threads != null) {
            threads.stop();
        }
        long cpu = Jvm.processCpuNanos() - cpu0;
        long[] gc1 = Jvm.gcCountAndMillis();
        return new Observation(r, cpu, pacerCpu, pacerAllocated, gc1[0] - gc0[0], gc1[1] - gc0[1], threads);
    }

    static void run() throws InterruptedException {
        Jvm.printMachine();
        line("benchmark", "pacer: open model, constant " + fmt(RATE) + "/s for " + DURATION.toSeconds()
                + " s, no-op task, maxConcurrency " + fmt(MAX_CONCURRENCY));
        observe("pacer-warmup", WARMUP); // JIT warm-up of the engine and of the observation, not measured

        long idle0 = Jvm.processCpuNanos();
        Thread.sleep(2000);
        long idleCpuPerSecond = (Jvm.processCpuNanos() - idle0) / 2;

        Observation o = observe("pacer", DURATION);
        RunResult r = o.result;
        long cpu = o.processCpu;
        long pacerCpu = o.pacerCpu;
        long pacerAllocated = o.pacerAllocated;
        ThreadCpu threads = o.threads;

        double seconds = r.duration().toNanos() / 1e9;
        long count = r.total().count();
        double rate = count / seconds;
        double error = (rate - RATE) / RATE;
        long expected = Math.round(RATE * DURATION.toNanos() / 1e9);
        line("status", r.status() + " (" + r.stopReason() + ")");
        line("duration", fmt(seconds) + " s");
        line("iterations (total().count())", fmt(count) + " of " + fmt(expected) + " scheduled");
        line("iterations started", fmt(r.iterations()));
        line("dropped", fmt(r.dropped()));
        line("achieved rate (count/duration)", fmt(rate) + "/s (" + String.format("%+.2f", 100 * error) + " %)");
        line("rate over the profile (count/10 s)", fmt(count / (DURATION.toNanos() / 1e9)) + "/s");
        LatencyStats response = r.total().responseTime();
        LatencyStats service = r.total().serviceTime();
        line("start delay ~ response - service", "p50 " + fmt((response.p50Nanos() - service.p50Nanos()) / 1000.0)
                + " µs; response p99 " + fmt(response.p99Nanos() / 1000.0) + " µs, max "
                + fmt(response.maxNanos() / 1000.0) + " µs; service p50 " + service.p50Nanos() + " ns");
        line("response time p50 / p90 / p99", fmt(response.p50Nanos() / 1000.0) + " / "
                + fmt(response.p90Nanos() / 1000.0) + " / " + fmt(response.p99Nanos() / 1000.0) + " µs");
        line("process CPU", fmt(cpu / 1e6) + " ms (" + fmt(100.0 * cpu / r.duration().toNanos()) + " % of one core)");
        line("idle JVM CPU (before the run)", fmt(idleCpuPerSecond / 1e6) + " ms per second");
        line("process CPU per iteration", fmt(cpu / 1000.0 / count) + " µs");
        if (pacerCpu >= 0) {
            line("pacer thread CPU", fmt(pacerCpu / 1e6) + " ms");
            line("pacer thread CPU per iteration", fmt(pacerCpu / 1000.0 / Math.max(1, r.iterations())) + " µs");
        } else {
            line("pacer thread CPU", "not found (thread perfkit-pacer-pacer)");
        }
        if (pacerAllocated >= 0) {
            line("pacer thread allocation", fmt((double) pacerAllocated / Math.max(1, r.iterations())) + " bytes per iteration");
        }
        line("GCs during the run", fmt(o.gcCount) + " (" + fmt(o.gcMillis) + " ms in total)");
        if (threads != null) {
            line("CPU by thread group", "per iteration; blocking waits = voluntary context switches");
            Jvm.printCpuBreakdown(threads, cpu, Math.max(1, count), "iteration");
            long observer = threads.deltas().get("main")[0];
            line("process CPU per iteration w/o main", fmt((cpu - observer) / 1000.0 / count)
                    + " µs (main is this benchmark: it polls the pacer every 20 ms)");
        } else {
            line("CPU by thread group", "not available (needs Linux /proc/self/task)");
        }
        Jvm.verdict("achieved rate within 1 % of " + fmt(RATE) + "/s", Math.abs(error) <= 0.01);
        Jvm.verdict("no dropped arrivals", r.dropped() == 0);
        Jvm.verdict("<= 5 µs CPU per iteration (whole process)", (double) cpu / count <= TARGET_CPU_NANOS);
    }
}
