package dev.perfkit.core;

import dev.perfkit.core.internal.MonitorHealth;
import dev.perfkit.core.internal.ProcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitors a local process by its pid, such as the database or the server under test, from Linux's
 * {@code /proc} file system. Linux only.
 *
 * <pre>{@code
 * Process server = new ProcessBuilder("java", "-jar", "app.jar").start();
 * RunOptions options = RunOptions.custom().addMonitor(ProcessMonitor.of(server.pid())).build();
 * }</pre>
 *
 * <p>Gauges, with the default label {@code sut}:
 * <ul>
 *   <li>{@code sut.up}: 1 while the process runs, 0 once it has ended;</li>
 *   <li>{@code sut.cpu}: user plus system CPU time of the process during the interval
 *       ({@code /proc/<pid>/stat}), as a share 0..1 of the processors this JVM may use
 *       ({@link Runtime#availableProcessors()}); the kernel counts in 10 ms ticks, so short
 *       intervals are coarse;</li>
 *   <li>{@code sut.memory}: resident set size in bytes ({@code VmRSS} of {@code /proc/<pid>/status});</li>
 *   <li>{@code sut.threads}: its threads ({@code Threads});</li>
 *   <li>{@code sut.fds}: its open files, sockets and pipes (entries of {@code /proc/<pid>/fd});
 *       NaN for another user's process, which Linux does not let us list.</li>
 * </ul>
 *
 * <p>A process that ends during the run (or becomes a zombie) makes {@code up} 0 and the other
 * gauges NaN for the rest of the run; the error says so. The process is identified by its pid and
 * start time, so a new process that reuses the pid is not mistaken for it. The gauges are read on
 * the run's coordinator thread, a few small file reads each.
 */
public final class ProcessMonitor implements ResourceMonitor {

    /** The default label: {@code sut}. */
    public static final String DEFAULT_LABEL = "sut";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMonitor.class);
    private static final Path PROC = Path.of("/proc");

    private final long pid;
    private final String label;
    private final Path root;
    private final LongSupplier clock;
    private final int processors;
    private final long startTicks;
    private final MonitorHealth health;
    private final Map<String, DoubleSupplier> gauges;

    private boolean ended;
    private long lastCpuTicks;
    private long lastCpuAt;

    ProcessMonitor(long pid, String label, Path root, LongSupplier clock, int processors) {
        String where = "processMonitor[" + Checks.name("processMonitor", "label", label) + "]";
        Checks.positive(where, "pid", pid);
        if (!Files.isDirectory(root)) {
            throw new UnsupportedOperationException(where + ": needs Linux's " + root + " file system, which this system ("
                    + System.getProperty("os.name") + ") does not have");
        }
        ProcFiles.Stat stat;
        try {
            stat = ProcFiles.readStat(root, pid);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": pid must be a running process, was " + pid + " (no "
                    + root.resolve(Long.toString(pid)).resolve("stat") + ")");
        }
        if (stat.ended()) {
            throw new IllegalArgumentException(where + ": pid must be a running process, was " + pid
                    + " (it has ended, state " + stat.state() + ")");
        }
        this.pid = pid;
        this.label = label;
        this.root = root;
        this.clock = clock;
        this.processors = processors;
        this.startTicks = stat.startTicks();
        this.health = new MonitorHealth(LOG, label, true);
        this.lastCpuTicks = stat.cpuTicks();
        this.lastCpuAt = clock.getAsLong();
        Map<String, DoubleSupplier> g = new LinkedHashMap<>();
        g.put(label + ".up", this::up);
        g.put(label + ".cpu", this::cpu);
        g.put(label + ".memory", () -> status(true));
        g.put(label + ".threads", () -> status(false));
        g.put(label + ".fds", this::openFiles);
        this.gauges = Collections.unmodifiableMap(g);
    }

    /**
     * Returns a monitor of a process labelled {@code sut}.
     *
     * @param pid the process id, of a running process
     * @return the monitor
     * @throws IllegalArgumentException      if the pid is not > 0 or no such process runs
     * @throws UnsupportedOperationException if this system has no {@code /proc} (not Linux)
     */
    public static ProcessMonitor of(long pid) {
        return of(pid, DEFAULT_LABEL);
    }

    /**
     * Returns a monitor of a process with another label, such as {@code db}.
     *
     * @param pid   the process id, of a running process
     * @param label the label, non-blank
     * @return the monitor
     * @throws IllegalArgumentException      if the label is blank, the pid not > 0 or no such process runs
     * @throws UnsupportedOperationException if this system has no {@code /proc} (not Linux)
     */
    public static ProcessMonitor of(long pid, String label) {
        return new ProcessMonitor(pid, label, PROC, System::nanoTime, Runtime.getRuntime().availableProcessors());
    }

    /** Returns the pid of the monitored process. */
    public long pid() {
        return pid;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Map<String, DoubleSupplier> gauges() {
        return gauges;
    }

    /** Takes the CPU time to measure the first interval from. */
    @Override
    public void start(Duration interval) {
        ProcFiles.Stat stat = stat();
        if (stat != null) {
            lastCpuTicks = stat.cpuTicks();
            lastCpuAt = clock.getAsLong();
        }
    }

    /** Does nothing: no file is kept open between readings. */
    @Override
    public void close() {
    }

    @Override
    public Optional<String> lastError() {
        return health.lastError();
    }

    @Override
    public String toString() {
        return "ProcessMonitor[" + label + ", pid " + pid + "]";
    }

    private double up() {
        return stat() == null ? 0 : 1;
    }

    private double cpu() {
        ProcFiles.Stat stat = stat();
        if (stat == null) {
            return Double.NaN;
        }
        long now = clock.getAsLong();
        double seconds = Math.max(1, now - lastCpuAt) / 1e9;
        double share = (double) (stat.cpuTicks() - lastCpuTicks) / ProcFiles.TICKS_PER_SECOND / seconds / processors;
        lastCpuTicks = stat.cpuTicks();
        lastCpuAt = now;
        return Math.clamp(share, 0.0, 1.0);
    }

    private double status(boolean memory) {
        if (ended) {
            return Double.NaN;
        }
        try {
            ProcFiles.Status status = ProcFiles.readStatus(root, pid);
            long value = memory ? status.rssBytes() : status.threads();
            return value < 0 ? Double.NaN : value;
        } catch (IOException | RuntimeException e) {
            return failedRead("status", e);
        }
    }

    private double openFiles() {
        if (ended) {
            return Double.NaN;
        }
        try {
            return ProcFiles.countOpenFiles(root, pid);
        } catch (IOException | RuntimeException e) {
            return failedRead("fd", e);
        }
    }

    /** Reads stat; returns null, and marks the process ended, if it is gone, a zombie, or its pid was reused. */
    private ProcFiles.Stat stat() {
        if (ended) {
            return null;
        }
        try {
            ProcFiles.Stat stat = ProcFiles.readStat(root, pid);
            if (stat.ended() || stat.startTicks() != startTicks) {
                return processEnded();
            }
            health.ok();
            return stat;
        } catch (NoSuchFileException e) {
            return processEnded();
        } catch (IOException | RuntimeException e) {
            health.failed("reading /proc/" + pid + "/stat failed: " + MonitorHealth.describe(e));
            return null;
        }
    }

    private ProcFiles.Stat processEnded() {
        ended = true;
        health.failed("process " + pid + " has ended");
        return null;
    }

    private double failedRead(String file, Exception e) {
        if (e instanceof NoSuchFileException) {
            processEnded();
        } else {
            health.partlyFailed("reading /proc/" + pid + "/" + file + " failed: " + MonitorHealth.describe(e));
        }
        return Double.NaN;
    }
}
