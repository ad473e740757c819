package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcessMonitorTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldReadMemoryThreadsAndOpenFilesWhenProcessIsARunningChild() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try (ProcessMonitor monitor = ProcessMonitor.of(child.pid(), "child")) {
            monitor.start(Duration.ofSeconds(1));

            assertThat(monitor.gauges()).containsOnlyKeys("child.up", "child.cpu", "child.memory", "child.threads",
                    "child.fds");
            assertThat(read(monitor, "child.up")).isEqualTo(1.0);
            assertThat(read(monitor, "child.memory")).isPositive();        // a resident sleep: some 100s of kB
            assertThat(read(monitor, "child.threads")).isEqualTo(1.0);
            assertThat(read(monitor, "child.fds")).isGreaterThanOrEqualTo(3); // stdin, stdout, stderr pipes
            assertThat(read(monitor, "child.cpu")).isBetween(0.0, 1.0);
            assertThat(monitor.pid()).isEqualTo(child.pid());
            assertThat(monitor.lastError()).isEmpty();
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldGoDownAndLetRunCompleteWhenProcessDiesMidRun() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessMonitor monitor = ProcessMonitor.of(child.pid());
            CountDownLatch sixIntervals = new CountDownLatch(6);
            RunListener killer = new RunListener() {
                @Override
                public void onInterval(IntervalStats interval) {
                    if (interval.index() == 2) {
                        try {
                            child.destroyForcibly().waitFor(5, TimeUnit.SECONDS); // reaped: /proc/<pid> is gone
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    sixIntervals.countDown();
                }
            };
            // One iteration that lasts until 6 intervals have been sampled: 3 with the process, 3 without.
            Scenario scenario = Scenario.named("dies").users(1).iterations(1).task(1, "wait", session -> {
                if (!sixIntervals.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("6 intervals did not pass in 10 s");
                }
            });

            RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(50))
                    .addMonitor(monitor).addListener(killer).build());

            assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
            List<IntervalStats> intervals = result.intervals();
            assertThat(intervals).hasSizeGreaterThan(5);
            assertThat(intervals.subList(0, 3)).allSatisfy(i -> {
                assertThat(i.gauges().get("sut.up")).isEqualTo(1.0);
                assertThat(i.gauges().get("sut.memory")).isPositive();
            });
            assertThat(intervals.subList(3, intervals.size())).allSatisfy(i -> {
                assertThat(i.gauges().get("sut.up")).isEqualTo(0.0);
                assertThat(i.gauges().get("sut.cpu")).isNaN();
                assertThat(i.gauges().get("sut.memory")).isNaN();
                assertThat(i.gauges().get("sut.threads")).isNaN();
                assertThat(i.gauges().get("sut.fds")).isNaN();
            });
            assertThat(monitor.lastError()).hasValue("process " + child.pid() + " has ended");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldNameThePidWhenNoSuchProcessRuns() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProcessMonitor.of(Integer.MAX_VALUE))
                .withMessage("processMonitor[sut]: pid must be a running process, was 2147483647 "
                        + "(no /proc/2147483647/stat)");
        assertThatIllegalArgumentException().isThrownBy(() -> ProcessMonitor.of(0, "db"))
                .withMessage("processMonitor[db]: pid must be > 0, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> ProcessMonitor.of(1, " "))
                .withMessage("processMonitor: label must not be blank, was \" \"");
    }

    @Test
    void shouldRefuseClearlyWhenSystemHasNoProcFileSystem(@TempDir Path dir) {
        assertThatThrownBy(() -> new ProcessMonitor(42, "sut", dir.resolve("proc"), System::nanoTime, 2))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("processMonitor[sut]: needs Linux's " + dir.resolve("proc") + " file system, which this system ("
                        + System.getProperty("os.name") + ") does not have");
    }

    @Test
    void shouldComputeCpuShareFromTicksWhenClockAdvances(@TempDir Path proc) throws IOException {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        writeProcess(proc, 'S', 100, 20, 5000);
        ProcessMonitor monitor = new ProcessMonitor(4242, "db", proc, clock::get, 2);
        monitor.start(Duration.ofSeconds(1));

        writeProcess(proc, 'R', 130, 40, 5000);   // 50 ticks = 0.5 s of CPU
        clock.addAndGet(1_000_000_000L);          // over 1 s, on 2 processors
        double cpu = read(monitor, "db.cpu");
        clock.addAndGet(2_000_000_000L);          // no CPU used in the next 2 s
        double idle = read(monitor, "db.cpu");

        assertThat(cpu).isCloseTo(0.25, within(1e-9));
        assertThat(idle).isZero();
        assertThat(read(monitor, "db.memory")).isEqualTo(2048.0 * 1024);
        assertThat(read(monitor, "db.threads")).isEqualTo(7.0);
        assertThat(read(monitor, "db.fds")).isEqualTo(2.0);
    }

    @Test
    void shouldNotMistakeAnotherProcessForItWhenPidIsReused(@TempDir Path proc) throws IOException {
        writeProcess(proc, 'S', 1, 1, 5000);
        ProcessMonitor monitor = new ProcessMonitor(4242, "db", proc, System::nanoTime, 1);

        writeProcess(proc, 'S', 1, 1, 9000);       // same pid, later start time: a new process

        assertThat(read(monitor, "db.up")).isZero();
        assertThat(read(monitor, "db.memory")).isNaN();
        assertThat(read(monitor, "db.fds")).isNaN();
        assertThat(monitor.lastError()).hasValue("process 4242 has ended");
    }

    private static double read(ResourceMonitor monitor, String gauge) {
        return monitor.gauges().get(gauge).getAsDouble();
    }

    /** Writes the files of pid 4242 the way Linux lays them out. */
    private static void writeProcess(Path proc, char state, long utime, long stime, long start) throws IOException {
        Path dir = Files.createDirectories(proc.resolve("4242"));
        Files.writeString(dir.resolve("stat"), "4242 (postgres) " + state + " 1 4242 4242 0 -1 4194560 2066 0 0 0 "
                + utime + " " + stime + " 0 0 20 0 7 0 " + start + " 2326528 512 18446744073709551615 1 1 0 0 0 0 0 0 0 0\n");
        Files.writeString(dir.resolve("status"), "Name:\tpostgres\nVmRSS:\t    2048 kB\nThreads:\t7\n");
        Path fd = Files.createDirectories(dir.resolve("fd"));
        for (String name : new String[] {"0", "1"}) {
            if (!Files.exists(fd.resolve(name))) {
                Files.createFile(fd.resolve(name));
            }
        }
    }
}
