package dev.perfkit.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a process's CPU goes, by thread group: the CPU time (nanoseconds, from
 * {@code /proc/self/task/<tid>/schedstat}) and the voluntary context switches (the times a thread
 * blocked: a park that really waited, an idle carrier going to sleep; from {@code status}) of every
 * thread, grouped by the name the JVM gives it (pacer, coordinator, carriers, JIT, GC, ...).
 * Linux only; {@link #available()} says whether it works here.
 *
 * <p>Threads that end during the measurement (the pacer and the coordinator end with their run)
 * disappear from {@code /proc}: {@link #pollWatched()} re-reads the threads of the groups passed
 * to the constructor, so that their last value is kept; call it every few tens of milliseconds.
 * A thread's delta is its last value minus its value at {@link #start()} (0 for a thread born
 * after it).
 */
final class ThreadCpu {

    private static final Path TASKS = Path.of("/proc/self/task");

    /** A thread's last reading: its group, CPU nanoseconds and voluntary context switches. */
    private record Reading(String group, long cpuNanos, long voluntarySwitches) {
    }

    private final List<String> watchedGroups;
    private final Map<Long, Reading> base = new HashMap<>();
    private final Map<Long, Reading> last = new HashMap<>();
    private final List<Long> watched = new ArrayList<>();

    /**
     * @param watchedGroups the groups whose threads may end before {@link #stop()} and are re-read
     *                      by {@link #pollWatched()}
     */
    ThreadCpu(String... watchedGroups) {
        this.watchedGroups = List.of(watchedGroups);
    }

    /** Returns whether per-thread CPU can be read here (Linux {@code /proc}). */
    static boolean available() {
        return Files.isReadable(TASKS.resolve(Long.toString(ProcessHandle.current().pid())).resolve("schedstat"));
    }

    /** Runs the reading code a few times, so that the JIT compiles it before a measurement. */
    void warmUp() {
        for (int i = 0; i < 20; i++) {
            start();
            pollWatched();
            stop();
            deltas();
        }
    }

    /** Reads every thread: the base of the deltas. */
    void start() {
        base.clear();
        last.clear();
        watched.clear();
        scan(base);
        last.putAll(base);
    }

    /**
     * Re-reads the threads of the watched groups; finds them first if they were not known yet
     * (one directory listing per call until each watched group has a thread).
     */
    void pollWatched() {
        if (watched.size() < watchedGroups.size()) {
            Map<Long, Reading> now = new HashMap<>();
            scan(now);
            now.forEach((tid, r) -> {
                if (watchedGroups.contains(r.group) && !watched.contains(tid)) {
                    watched.add(tid);
                }
            });
            last.putAll(now);
            return;
        }
        for (Long tid : watched) {
            Reading r = read(tid, last.get(tid).group);
            if (r != null) {
                last.put(tid, r);
            }
        }
    }

    /** Reads every thread a last time. */
    void stop() {
        Map<Long, Reading> now = new HashMap<>();
        scan(now);
        last.putAll(now);
    }

    /**
     * Returns, per group (in a fixed order), {CPU nanoseconds, voluntary context switches, threads}
     * between {@link #start()} and {@link #stop()}.
     */
    Map<String, long[]> deltas() {
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        for (String g : List.of("pacer", "coordinator", "carriers", "vthread timers", "main", "JIT", "GC", "other")) {
            byGroup.put(g, new long[3]);
        }
        last.forEach((tid, r) -> {
            Reading b = base.get(tid);
            long cpu = r.cpuNanos - (b == null ? 0 : b.cpuNanos);
            long switches = r.voluntarySwitches - (b == null ? 0 : b.voluntarySwitches);
            long[] sum = byGroup.get(r.group);
            sum[0] += cpu;
            sum[1] += switches;
            if (cpu > 0 || switches > 0) {
                sum[2]++;
            }
        });
        return byGroup;
    }

    /**
     * Returns the group of a thread by its name as Linux shows it (the JVM's name cut to 15 characters).
     * The main thread and the launcher's thread are both called {@code java}.
     */
    static String group(String comm) {
        if (comm.startsWith("perfkit-pacer")) {
            return "pacer";
        } else if (comm.startsWith("perfkit-run")) {
            return "coordinator";
        } else if (comm.startsWith("ForkJoinPool")) {
            return "carriers";
        } else if (comm.startsWith("VirtualThread")) {
            return "vthread timers";
        } else if (comm.equals("java") || comm.equals("main")) {
            return "main";
        } else if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "JIT";
        } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
            return "GC";
        }
        return "other";
    }

    private static void scan(Map<Long, Reading> into) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                long tid = Long.parseLong(task.getFileName().toString());
                String comm;
                try {
                    comm = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                Reading r = read(tid, group(comm));
                if (r != null) {
                    into.put(tid, r);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + TASKS, e);
        }
    }

    private static final byte[] SWITCHES = "\nvoluntary_ctxt_switches:".getBytes(StandardCharsets.US_ASCII);

    private static Reading read(long tid, String group) {
        Path task = TASKS.resolve(Long.toString(tid));
        try {
            long cpu = parseLong(Files.readAllBytes(task.resolve("schedstat")), 0);
            byte[] status = Files.readAllBytes(task.resolve("status"));
            int at = indexOf(status, SWITCHES);
            long switches = at < 0 ? 0 : parseLong(status, at + SWITCHES.length);
            return new Reading(group, cpu, switches);
        } catch (IOException | RuntimeException e) {
            return null; // the thread ended meanwhile
        }
    }

    /** Parses the decimal number at {@code from}, after blanks. */
    private static long parseLong(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        long v = 0;
        int digits = 0;
        for (; i < b.length && b[i] >= '0' && b[i] <= '9'; i++, digits++) {
            v = v * 10 + (b[i] - '0');
        }
        if (digits == 0) {
            throw new NumberFormatException("no number at " + from);
        }
        return v;
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
