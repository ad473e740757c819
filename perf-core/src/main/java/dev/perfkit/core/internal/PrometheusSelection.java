package dev.perfkit.core.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The series a Prometheus monitor keeps from each scrape, and how it turns a scrape into one value
 * per series: the sum of the samples that match (a metric name and exact label values), or for a
 * rate, the increase of that sum per second since the previous scrape.
 *
 * <p>Not thread-safe: one scraper thread calls {@link #values}.
 */
public final class PrometheusSelection {

    /**
     * One selected series.
     *
     * @param alias  the name of its gauge after {@code <label>.}
     * @param metric the metric name
     * @param labels label values a sample must have; other labels may have any value
     * @param rate   true to publish the increase per second of a counter instead of its value
     */
    public record Series(String alias, String metric, Map<String, String> labels, boolean rate) {

        /** Copies the labels, keeping their order. */
        public Series {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        /** Returns true if the sample belongs to this series. */
        public boolean matches(PrometheusText.Sample sample) {
            if (!sample.name().equals(metric)) {
                return false;
            }
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!label.getValue().equals(sample.labels().get(label.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        /** Returns the series as Prometheus writes a selector: {@code name{label="value"}}. */
        public String selector() {
            if (labels.isEmpty()) {
                return metric;
            }
            StringBuilder b = new StringBuilder(metric).append('{');
            labels.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ",").append(k).append("=\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"'));
            return b.append('}').toString();
        }
    }

    private final List<Series> series;
    private final double[] previousSums;
    private long previousNanos;

    /**
     * @param series the selected series, in the order of their gauges
     */
    public PrometheusSelection(List<Series> series) {
        this.series = List.copyOf(series);
        this.previousSums = new double[series.size()];
        Arrays.fill(previousSums, Double.NaN);
    }

    /** Forgets the previous scrape, so the next rate starts afresh (a new run). */
    public void reset() {
        Arrays.fill(previousSums, Double.NaN);
    }

    /** Returns the selected series. */
    public List<Series> series() {
        return series;
    }

    /**
     * Computes the value of each series from one scrape. A series with no matching sample is
     * NaN and reported to {@code missing}. A rate is NaN at the first scrape; when its counter went
     * down (the target restarted), the increase is taken from 0, as Prometheus does.
     *
     * @param samples the scrape's samples
     * @param nanos   when the scrape was taken, in nanoseconds of a monotonic clock
     * @param missing receives a message for each series that had no sample
     * @return one value per series, in order; a new array
     */
    public double[] values(List<PrometheusText.Sample> samples, long nanos, Consumer<String> missing) {
        double[] values = new double[series.size()];
        double seconds = (nanos - previousNanos) / 1e9;
        for (int i = 0; i < values.length; i++) {
            Series s = series.get(i);
            double sum = 0;
            boolean found = false;
            for (PrometheusText.Sample sample : samples) {
                if (s.matches(sample)) {
                    sum += sample.value();
                    found = true;
                }
            }
            if (!found) {
                missing.accept("no sample of " + s.selector() + " in the scrape");
                sum = Double.NaN;
            }
            if (s.rate()) {
                double previous = previousSums[i];
                double increase = sum >= previous ? sum - previous : sum;
                values[i] = Double.isNaN(previous) || seconds <= 0 ? Double.NaN : increase / seconds;
            } else {
                values[i] = sum;
            }
            previousSums[i] = sum;
        }
        previousNanos = nanos;
        return values;
    }
}
