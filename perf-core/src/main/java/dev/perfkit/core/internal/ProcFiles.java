package dev.perfkit.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads a process from Linux's {@code /proc} file system ({@code man 5 proc}): {@code stat} for
 * its state, CPU time and start time, {@code status} for its resident memory and threads, and the
 * {@code fd} directory for its open files. The root is a parameter so tests can use a copy.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProcFiles {

    /**
     * Clock ticks per second of the CPU times in {@code stat} (the kernel's {@code USER_HZ}, which
     * Java cannot query): 100 on every mainstream Linux architecture.
     */
    public static final int TICKS_PER_SECOND = 100;

    private ProcFiles() {
    }

    /**
     * The fields of {@code /proc/<pid>/stat} a monitor needs.
     *
     * @param state      the state letter: R, S, D, Z (zombie), X (dead), ...
     * @param cpuTicks   user plus system CPU time (fields 14 and 15), in clock ticks
     * @param startTicks the start time after boot (field 22), in clock ticks; with the pid it
     *                   identifies the process, since pids are reused
     */
    public record Stat(char state, long cpuTicks, long startTicks) {

        /** Returns true if the process has ended and only its entry remains (zombie or dead). */
        public boolean ended() {
            return state == 'Z' || state == 'X';
        }
    }

    /**
     * The fields of {@code /proc/<pid>/status} a monitor needs.
     *
     * @param rssBytes resident set size in bytes ({@code VmRSS}), or -1 when absent (zombies and
     *                 kernel threads have none)
     * @param threads  the number of threads ({@code Threads}), or -1 when absent
     */
    public record Status(long rssBytes, int threads) {
    }

    /**
     * Reads {@code <root>/<pid>/stat}.
     *
     * @throws IOException if the file cannot be read, as when the process is gone
     */
    public static Stat readStat(Path root, long pid) throws IOException {
        return parseStat(Files.readString(root.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code <root>/<pid>/status}.
     *
     * @throws IOException if the file cannot be read, as when the process is gone
     */
    public static Status readStatus(Path root, long pid) throws IOException {
        return parseStatus(Files.readString(root.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.UTF_8));
    }

    /**
     * Counts the entries of {@code <root>/<pid>/fd}: the open files, sockets and pipes.
     *
     * @throws IOException if the directory cannot be listed (gone, or another user's process)
     */
    public static long countOpenFiles(Path root, long pid) throws IOException {
        try (Stream<Path> fds = Files.list(root.resolve(Long.toString(pid)).resolve("fd"))) {
            return fds.count();
        }
    }

    /**
     * Parses the text of a {@code stat} file. The command name (field 2) is in parentheses and may
     * itself hold spaces and parentheses, so the fields are counted after the last ')'.
     *
     * @throws IllegalArgumentException if the text is not a stat line
     */
    public static Stat parseStat(String text) {
        int close = text.lastIndexOf(')');
        String[] fields = close < 0 ? new String[0] : text.substring(close + 1).strip().split(" +");
        // fields[0] is field 3 (state); field n is fields[n - 3]
        if (fields.length < 20 || fields[0].length() != 1) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: \"" + text.strip() + "\"");
        }
        try {
            return new Stat(fields[0].charAt(0), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[19]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: \"" + text.strip() + "\"", e);
        }
    }

    /**
     * Parses the text of a {@code status} file.
     *
     * @throws IllegalArgumentException if a field it needs is not a number
     */
    public static Status parseStatus(String text) {
        long rss = -1;
        int threads = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String value = line.substring("VmRSS:".length()).strip();
                if (!value.endsWith(" kB")) {
                    throw new IllegalArgumentException("VmRSS must be in kB, was \"" + value + "\"");
                }
                rss = Long.parseLong(value.substring(0, value.length() - 3).strip()) * 1024;
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring("Threads:".length()).strip());
            }
        }
        return new Status(rss, threads);
    }
}
