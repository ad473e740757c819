package dev.perfkit.report.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a folder of HdrHistogram interval logs, one file per sample name in the standard
 * {@link HistogramLogWriter} format (values in nanoseconds), and an {@value #INDEX} that maps each
 * file to its sample name. Every file is written atomically.
 */
public final class HdrLogs {

    /** The index file of a log folder. */
    public static final String INDEX = "index.csv";
    /** The extension of a log file. */
    public static final String EXTENSION = ".hlog";

    private HdrLogs() {
    }

    /**
     * The log of one sample name.
     *
     * @param name      the sample name
     * @param kind      its kind, for the index
     * @param intervals the interval histograms, each with its start and end time stamps set
     *                  (milliseconds since the epoch)
     */
    public record Log(String name, String kind, List<Histogram> intervals) {
    }

    /**
     * Writes the logs and the index.
     *
     * @param folder      the folder; created if missing
     * @param startMillis the run's start, milliseconds since the epoch: the logs' start and base time
     * @param scenario    the scenario's name, for a comment line
     * @param incomplete  why the run is incomplete, or empty: written as a comment line
     * @param logs        the logs
     * @return the files written, the index last
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path folder, long startMillis, String scenario, String incomplete, List<Log> logs)
            throws IOException {
        FileNames names = new FileNames(EXTENSION, INDEX);
        Csv index = new Csv().row("File", "Type", "Name", "Count");
        List<Path> written = new ArrayList<>();
        for (Log log : logs) {
            String file = names.next(log.name());
            long count = log.intervals().stream().mapToLong(Histogram::getTotalCount).sum();
            index.row(file, log.kind(), log.name(), Long.toString(count));
            written.add(AtomicFiles.write(folder.resolve(file), out -> {
                PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
                HistogramLogWriter writer = new HistogramLogWriter(print);
                writer.outputComment(comment("perfkit response times in nanoseconds of \"" + log.name()
                        + "\" (" + log.kind() + "), scenario \"" + scenario + "\""));
                if (!incomplete.isEmpty()) {
                    writer.outputComment(comment("INCOMPLETE run: " + incomplete));
                }
                writer.outputLogFormatVersion();
                writer.outputStartTime(startMillis);
                writer.setBaseTime(startMillis);
                writer.outputLegend();
                for (Histogram h : log.intervals()) {
                    writer.outputIntervalHistogram(h);
                }
                print.flush();
                if (print.checkError()) {
                    throw new IOException("could not write " + file);
                }
            }));
        }
        byte[] bytes = index.text().getBytes(StandardCharsets.UTF_8);
        written.add(AtomicFiles.write(folder.resolve(INDEX), out -> out.write(bytes)));
        return written;
    }

    /** A comment must stay on its line: line breaks and other control characters become spaces. */
    private static String comment(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }
}
