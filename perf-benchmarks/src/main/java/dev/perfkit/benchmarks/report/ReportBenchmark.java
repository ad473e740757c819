package dev.perfkit.benchmarks.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.report.Reports;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What writing the HTML report costs for a long run: a synthetic result of a 1-hour run at
 * 1-second intervals with 100 sample names (3,600 intervals x 100 names, every name in every
 * interval), written with {@code Reports.html()} to a temporary folder, three warm-up rounds then
 * five measured ones. Prints the time of each round (render and atomic write, on the wall clock),
 * the bytes allocated per report, the file size, and the goals (under 2 s, under 5 MB) with MET or
 * NOT MET. The figures are the output; the exit status is 0 either way.
 *
 * <pre>
 * java -cp perf-benchmarks/target/benchmarks.jar dev.perfkit.benchmarks.report.ReportBenchmark [intervals] [names]
 * </pre>
 */
public final class ReportBenchmark {

    private static final int WARMUPS = 3;
    private static final int ROUNDS = 5;
    private static final double GOAL_SECONDS = 2;
    private static final long GOAL_BYTES = 5L * 1024 * 1024;

    private ReportBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of intervals (default 3600) and of names (default 100)
     * @throws Exception if the report cannot be written
     */
    public static void main(String[] args) throws Exception {
        int intervals = args.length > 0 ? Integer.parseInt(args[0]) : 3_600;
        int names = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        System.out.printf(Locale.ROOT, "java %s, %d CPUs, max heap %d MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long built = System.nanoTime();
        RunResult result = SyntheticRun.build(intervals, names, 42);
        System.out.printf(Locale.ROOT, "synthetic result: %d intervals x %d names, built in %.2f s%n", intervals, names,
                (System.nanoTime() - built) / 1e9);

        Path folder = Files.createTempDirectory("perfkit-report-bench");
        Path target = folder.resolve("report.html");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        double[] seconds = new double[ROUNDS];
        long allocated = 0;
        try {
            for (int round = 0; round < WARMUPS + ROUNDS; round++) {
                long bytesBefore = threads.getThreadAllocatedBytes(self);
                long start = System.nanoTime();
                Reports.html().write(result, target);
                double elapsed = (System.nanoTime() - start) / 1e9;
                long bytes = threads.getThreadAllocatedBytes(self) - bytesBefore;
                boolean measured = round >= WARMUPS;
                System.out.printf(Locale.ROOT, "%s %d: %.3f s, %d MiB allocated%n", measured ? "round" : "warm-up",
                        measured ? round - WARMUPS + 1 : round + 1, elapsed, bytes >> 20);
                if (measured) {
                    seconds[round - WARMUPS] = elapsed;
                    allocated = bytes;
                }
            }
            long size = Files.size(target);
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = sorted[ROUNDS / 2];
            System.out.printf(Locale.ROOT, "time: median %.3f s (min %.3f, max %.3f) -> goal < %.0f s: %s%n", median,
                    sorted[0], sorted[ROUNDS - 1], GOAL_SECONDS, median < GOAL_SECONDS ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "size: %d bytes (%.2f MiB) -> goal < 5 MiB: %s%n", size, size / 1048576.0,
                    size < GOAL_BYTES ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "allocated per report: %d MiB%n", allocated >> 20);
        } finally {
            Files.deleteIfExists(target);
            Files.deleteIfExists(folder);
        }
    }
}
