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
     * One line of the index.
     *
     * @param file  the log's file name
     * @param kind  the sample kind
     * @param name  the sample name
     * @param count the values in the log
     */
    public record IndexEntry(String file, String kind, String name, long count) {
    }

    /** Returns a namer of log files that keeps clear of the index's name. */
    public static FileNames fileNames() {
        return new FileNames(EXTENSION, INDEX);
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
        FileNames names = fileNames();
        List<IndexEntry> index = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        for (Log log : logs) {
            String file = names.next(log.name());
            index.add(new IndexEntry(file, log.kind(), log.name(),
                    log.intervals().stream().mapToLong(Histogram::getTotalCount).sum()));
            written.add(AtomicFiles.write(folder.resolve(file), out -> {
                PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
                HistogramLogWriter writer = new HistogramLogWriter(print);
                header(writer, log.name(), scenario, startMillis);
                for (Histogram h : log.intervals()) {
                    writer.outputIntervalHistogram(h);
                }
                if (!incomplete.isEmpty()) {
                    writer.outputComment(incompleteComment(incomplete));
                }
                print.flush();
                if (print.checkError()) {
                    throw new IOException("could not write " + file);
                }
            }));
        }
        written.add(writeIndex(folder, index));
        return written;
    }

    /**
     * Writes the header of a log: a comment naming the sample and the scenario, the format
     * version, the start time (also the base time of the interval time stamps) and the legend.
     *
     * @param writer      the log writer
     * @param name        the sample name
     * @param scenario    the scenario's name
     * @param startMillis the run's start, milliseconds since the epoch
     */
    public static void header(HistogramLogWriter writer, String name, String scenario, long startMillis) {
        writer.outputComment(oneLine("perfkit response times in nanoseconds of \"" + name + "\", scenario \""
                + scenario + "\""));
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputLegend();
    }

    /**
     * Returns the comment line that marks the log of an incomplete run.
     *
     * @param reason why the run is incomplete
     * @return the comment, on one line
     */
    public static String incompleteComment(String reason) {
        return oneLine("INCOMPLETE run: " + reason);
    }

    /**
     * Writes the index atomically.
     *
     * @param folder  the folder
     * @param entries the entries, in the order the names appeared
     * @return the index file
     * @throws IOException if it cannot be written
     */
    public static Path writeIndex(Path folder, List<IndexEntry> entries) throws IOException {
        Csv index = new Csv().row("File", "Type", "Name", "Count");
        for (IndexEntry e : entries) {
            index.row(e.file(), e.kind(), e.name(), Long.toString(e.count()));
        }
        byte[] bytes = index.text().getBytes(StandardCharsets.UTF_8);
        return AtomicFiles.write(folder.resolve(INDEX), out -> out.write(bytes));
    }

    /** A comment must stay on its line: line breaks and other control characters become spaces. */
    private static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }
}
