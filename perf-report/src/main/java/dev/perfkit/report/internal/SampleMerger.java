package dev.perfkit.report.internal;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.SampleStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Adds up the statistics of one sample name from several shards: counts and failures summed,
 * histograms added (so percentiles are those of the union of all samples, never averages), failure
 * summaries summed per category and message, throughput over the merged wall-clock span.
 */
public final class SampleMerger {

    private SampleMerger() {
    }

    /**
     * Merges the statistics of one name.
     *
     * @param parts   the name's statistics, one per shard that has it; at least one
     * @param seconds the merged span in seconds, for the throughput
     * @return the merged statistics, with the first part's name and kind
     */
    public static SampleStats merge(List<SampleStats> parts, double seconds) {
        SampleStats first = parts.get(0);
        Histogram response = new Histogram(first.responseTime().histogram());
        Histogram service = new Histogram(first.serviceTime().histogram());
        response.setAutoResize(true);
        service.setAutoResize(true);
        long count = 0;
        long failures = 0;
        List<FailureSummary> summaries = new ArrayList<>();
        for (SampleStats s : parts) {
            response.add(s.responseTime().histogram());
            service.add(s.serviceTime().histogram());
            count += s.count();
            failures += s.failures();
            summaries.addAll(s.failureSummaries());
        }
        double throughput = seconds > 0 ? count / seconds : 0;
        return new SampleStats(first.name(), first.kind(), count, failures, throughput, LatencyStats.of(response),
                LatencyStats.of(service), failures(summaries));
    }

    /** Sums the summaries per category and their messages per text, busiest first, bounded as the engine's. */
    static List<FailureSummary> failures(List<FailureSummary> summaries) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> messages = new LinkedHashMap<>();
        for (FailureSummary f : summaries) {
            counts.merge(f.category(), f.count(), Long::sum);
            Map<String, Long> m = messages.computeIfAbsent(f.category(), k -> new LinkedHashMap<>());
            f.messages().forEach(mc -> m.merge(mc.message(), mc.count(), Long::sum));
        }
        List<FailureSummary> merged = new ArrayList<>();
        counts.forEach((category, n) -> merged.add(new FailureSummary(category, n, bounded(messages.get(category)))));
        merged.sort(Comparator.comparingLong(FailureSummary::count).reversed());
        return merged;
    }

    private static List<FailureSummary.MessageCount> bounded(Map<String, Long> messages) {
        Long other = messages.remove(FailureSummary.OTHER_MESSAGES);
        List<FailureSummary.MessageCount> list = new ArrayList<>();
        messages.forEach((text, n) -> list.add(new FailureSummary.MessageCount(text, n)));
        list.sort(Comparator.comparingLong(FailureSummary.MessageCount::count).reversed());
        long rest = other == null ? 0 : other;
        while (list.size() > FailureSummary.MAX_MESSAGES) {
            rest += list.remove(list.size() - 1).count();
        }
        if (rest > 0) {
            list.add(new FailureSummary.MessageCount(FailureSummary.OTHER_MESSAGES, rest));
        }
        return list;
    }
}
