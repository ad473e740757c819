package dev.perfkit.report;

import dev.perfkit.core.IntervalHistogramListener;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.SampleStats;
import dev.perfkit.report.internal.Completion;
import dev.perfkit.report.internal.FileNames;
import dev.perfkit.report.internal.HdrLogs;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes HdrHistogram interval logs while a test runs: one log per sample name with one
 * response-time histogram per interval, in the standard {@link HistogramLogWriter} format that
 * HdrHistogram's tools read ({@code HistogramLogReader}, {@code HistogramLogProcessor}), and an
 * {@code index.csv} mapping files to sample names. Logs of several shards of one test can be merged
 * exactly by adding their histograms.
 *
 * <pre>{@code
 * HistogramLogListener logs = HistogramLogListener.to(Path.of("target/perf/hdr"));
 * RunResult result = LoadTest.run(scenario, RunOptions.custom().addListener(logs).build());
 * logs.failure().ifPresent(e -> System.err.println("logs incomplete: " + e));
 * }</pre>
 *
 * <p><b>Files.</b> While the run goes on, each log grows in a hidden {@code .<file>.part} in the
 * folder, flushed at every interval, so a crash leaves what was measured. When the run ends each
 * part is moved atomically to its name ({@code <sample>.hlog}, sanitized and made distinct) and the
 * index is written; a run that did not complete gets an {@code INCOMPLETE} comment line at the end
 * of each log. Values are nanoseconds; time stamps are seconds from the run's start.
 *
 * <p><b>Errors.</b> A listener cannot fail a run: a file that cannot be written is logged once
 * (SLF4J) and kept as {@link #failure()}; the other logs go on.
 *
 * <p>Serves one run at a time (each {@code onStart} starts afresh); its callbacks come from the
 * run's coordinator thread, and {@link #files()} and {@link #failure()} may be read from any thread.
 */
public final class HistogramLogListener implements IntervalHistogramListener {

    private static final Logger LOG = LoggerFactory.getLogger(HistogramLogListener.class);

    private final Path folder;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private FileNames names = HdrLogs.fileNames();
    private String scenario = "";
    private long startMillis;
    private volatile List<Path> files = List.of();
    private volatile IOException failure;

    private HistogramLogListener(Path folder) {
        this.folder = folder;
    }

    /**
     * Returns a listener that writes its logs into a folder.
     *
     * @param folder the folder; created when the run starts. Existing logs of the same names are
     *               replaced when the run ends
     * @return the listener
     * @throws NullPointerException if {@code folder} is null
     */
    public static HistogramLogListener to(Path folder) {
        return new HistogramLogListener(Objects.requireNonNull(folder, "histogramLogListener: folder must not be null"));
    }

    /** Returns the folder the logs go into. */
    public Path folder() {
        return folder;
    }

    /** Returns the files written, the index last, once the run has ended; empty before. */
    public List<Path> files() {
        return files;
    }

    /** Returns the first error met while writing the logs, if any. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void onStart(Scenario scenario, long seed) {
        closeAll();
        parts.clear();
        names = HdrLogs.fileNames();
        files = List.of();
        failure = null;
        this.scenario = scenario.name();
        startMillis = System.currentTimeMillis();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void onIntervalHistograms(IntervalStats interval, Map<String, Histogram> responseTimes) {
        long from = startMillis + interval.start().toMillis();
        long to = startMillis + interval.start().plus(interval.length()).toMillis();
        for (Map.Entry<String, Histogram> e : responseTimes.entrySet()) {
            Part part = parts.computeIfAbsent(e.getKey(), this::open);
            if (part.out == null) {
                continue;
            }
            Histogram h = e.getValue().copy();
            h.setStartTimeStamp(from);
            h.setEndTimeStamp(to);
            part.count += h.getTotalCount();
            part.writer.outputIntervalHistogram(h);
            part.out.flush();
            check(part);
        }
    }

    @Override
    public void onEnd(RunResult result) {
        String incomplete = Completion.reason(result);
        List<Path> written = new ArrayList<>();
        List<HdrLogs.IndexEntry> index = new ArrayList<>();
        for (Map.Entry<String, Part> e : parts.entrySet()) {
            Part part = e.getValue();
            if (part.out == null) {
                continue;
            }
            if (!incomplete.isEmpty()) {
                part.writer.outputComment(HdrLogs.incompleteComment(incomplete));
            }
            part.out.close();
            if (!check(part)) {
                continue;
            }
            try {
                written.add(moveIntoPlace(part.temp, folder.resolve(part.file)));
                String kind = result.sample(e.getKey()).map(SampleStats::kind).map(k -> k.name().toLowerCase(Locale.ROOT))
                        .orElse("");
                index.add(new HdrLogs.IndexEntry(part.file, kind, e.getKey(), part.count));
            } catch (IOException ex) {
                fail(ex);
            }
        }
        parts.clear();
        try {
            written.add(HdrLogs.writeIndex(folder, index));
        } catch (IOException ex) {
            fail(ex);
        }
        files = List.copyOf(written);
    }

    private Part open(String name) {
        Part part = new Part(names.next(name));
        try {
            part.temp = folder.resolve("." + part.file + ".part");
            part.out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(part.temp), 1 << 14), false,
                    StandardCharsets.UTF_8);
            part.writer = new HistogramLogWriter(part.out);
            HdrLogs.header(part.writer, name, scenario, startMillis);
            part.out.flush();
            check(part);
        } catch (IOException e) {
            fail(e);
            part.out = null;
        }
        return part;
    }

    /** Returns whether the part's stream is still sound; records the failure and drops it if not. */
    private boolean check(Part part) {
        if (part.out != null && part.out.checkError()) {
            fail(new IOException("could not write " + part.temp));
            part.out.close();
            part.out = null;
        }
        return part.out != null;
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
            LOG.warn("perfkit: HdrHistogram logs in {} are incomplete", folder, e);
        }
    }

    private void closeAll() {
        parts.values().forEach(p -> {
            if (p.out != null) {
                p.out.close();
            }
        });
    }

    private static Path moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The log of one sample name while it is written. */
    private static final class Part {
        final String file;
        Path temp;
        PrintStream out;
        HistogramLogWriter writer;
        long count;

        Part(String file) {
            this.file = file;
        }
    }
}
