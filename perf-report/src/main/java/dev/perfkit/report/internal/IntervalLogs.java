package dev.perfkit.report.internal;

import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads a folder of HdrHistogram interval logs written by {@code HistogramLogListener}: its
 * {@value HdrLogs#INDEX} maps files to sample names. The listener writes one histogram per interval
 * in which the name had samples, so the {@code j}-th histogram of a name belongs to the {@code j}-th
 * interval of the result that lists the name: no clock is involved in placing them.
 */
public final class IntervalLogs {

    private IntervalLogs() {
    }

    /**
     * Reads the logs of a folder and places them on the result's intervals.
     *
     * @param folder the folder
     * @param result the result the logs were written for
     * @return per sample name, the histogram of each interval number; a name whose log does not
     *         have one histogram per interval that lists the name is left out
     * @throws IOException if the index or a log cannot be read
     */
    public static Map<String, Map<Integer, Histogram>> read(Path folder, RunResult result) throws IOException {
        List<List<String>> index = rows(Files.readString(folder.resolve(HdrLogs.INDEX), StandardCharsets.UTF_8));
        Map<String, Map<Integer, Histogram>> logs = new LinkedHashMap<>();
        for (List<String> row : index.subList(Math.min(1, index.size()), index.size())) {
            if (row.size() < 3) {
                throw new IOException(folder.resolve(HdrLogs.INDEX) + ": a line has " + row.size()
                        + " fields, expected File,Type,Name,Count");
            }
            List<Histogram> logged = histograms(folder.resolve(row.get(0)));
            List<Integer> intervals = result.intervals().stream().filter(i -> i.samples().containsKey(row.get(2)))
                    .map(IntervalStats::index).toList();
            if (logged.size() == intervals.size()) {
                Map<Integer, Histogram> byInterval = new HashMap<>();
                for (int j = 0; j < logged.size(); j++) {
                    byInterval.put(intervals.get(j), logged.get(j));
                }
                logs.put(row.get(2), byInterval);
            }
        }
        return logs;
    }

    private static List<Histogram> histograms(Path log) throws IOException {
        List<Histogram> histograms = new ArrayList<>();
        try (InputStream in = Files.newInputStream(log)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                histograms.add((Histogram) h);
            }
        } catch (RuntimeException e) {
            throw new IOException(log + ": not a readable HdrHistogram log: " + e, e);
        }
        return histograms;
    }

    /** Splits CSV text as {@link Csv} writes it: fields quoted when they hold a comma, a quote or a line break. */
    static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
