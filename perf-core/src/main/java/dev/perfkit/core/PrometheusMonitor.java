package dev.perfkit.core;

import dev.perfkit.core.internal.MonitorHealth;
import dev.perfkit.core.internal.PrometheusScraper;
import dev.perfkit.core.internal.PrometheusSelection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitors a remote target that serves its metrics in the Prometheus text format (0.0.4): a Spring
 * Boot actuator, a Micrometer registry, or any Prometheus exporter (node, postgres, JMX...).
 *
 * <pre>{@code
 * PrometheusMonitor sut = PrometheusMonitor.custom(URI.create("http://127.0.0.1:8080/actuator/prometheus"))
 *     .addSeries("cpu", "process_cpu_usage")
 *     .addSeries("memory", "jvm_memory_used_bytes", Map.of("area", "heap"))
 *     .addRate("requests", "http_server_requests_seconds_count")
 *     .build();
 * RunOptions options = RunOptions.custom().addMonitor(sut).build();   // gauges sut.up, sut.cpu, ...
 * }</pre>
 *
 * <p><b>Scraping.</b> While a run goes, a platform thread of the monitor GETs the target at once and
 * then an interval after each scrape ends, each scrape bounded by the {@linkplain Builder#timeout
 * timeout}, and keeps the latest values; the gauges return them without blocking. Uses the JDK's
 * {@link java.net.http.HttpClient}; the body is read whole into memory.
 *
 * <p><b>Series.</b> Each selected series has an alias and publishes the gauge
 * {@code <label>.<alias>}. A series is a metric name and optional exact label values; the values
 * of every sample that matches are summed, so {@code jvm_memory_used_bytes{area="heap"}} is the
 * heap over all its pools. {@link Builder#addRate} publishes a counter's increase per second since
 * the previous scrape instead (NaN at the first scrape; a counter that went down, because the target
 * restarted, counts from 0).
 *
 * <p><b>Failures.</b> {@code <label>.up} is 1 after a scrape that worked. A scrape that gets no
 * answer in time, a status other than 200, or a body not in the text format makes it 0 and every
 * series NaN until a scrape works again. A series missing from a scrape that worked is NaN while
 * {@code up} stays 1. Either way the error is logged once at WARN and kept in {@link #lastError()};
 * messages name the target by scheme, host, port and path only, never its user info, query or
 * headers.
 *
 * <p>Immutable configuration; the scraping state belongs to the run that started it. Built by
 * {@link #custom(URI)}.
 */
public final class PrometheusMonitor implements ResourceMonitor {

    /** The default label: {@code sut}. */
    public static final String DEFAULT_LABEL = "sut";
    /** The default bound of one scrape: 2 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusMonitor.class);
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final URI uri;
    private final String label;
    private final Duration timeout;
    private final MonitorHealth health;
    private final PrometheusScraper scraper;
    private final Map<String, DoubleSupplier> gauges;

    private PrometheusMonitor(Builder b) {
        this.uri = b.uri;
        this.label = b.label;
        this.timeout = b.timeout;
        this.health = new MonitorHealth(LOG, label, false);
        this.scraper = new PrometheusScraper(uri, timeout, b.headers, new PrometheusSelection(b.series), health,
                "perfkit-monitor-" + label);
        Map<String, DoubleSupplier> g = new LinkedHashMap<>();
        g.put(label + ".up", health::upValue);
        for (int i = 0; i < b.series.size(); i++) {
            int index = i;
            g.put(label + "." + b.series.get(i).alias(), () -> scraper.latest(index));
        }
        this.gauges = Collections.unmodifiableMap(g);
    }

    /**
     * Starts a builder for a target.
     *
     * @param uri the target's metrics endpoint, an absolute http or https URI with a host and no
     *            user info (send credentials with {@link Builder#header})
     * @return a builder with label {@link #DEFAULT_LABEL}, timeout {@link #DEFAULT_TIMEOUT} and no series
     * @throws IllegalArgumentException if the URI is not absolute http(s) with a host, or holds user info
     */
    public static Builder custom(URI uri) {
        Checks.notNull("prometheusMonitor", "uri", uri);
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("prometheusMonitor: uri must be an absolute http or https URI with a host, was "
                    + (uri.getHost() == null ? "\"" + uri.getScheme() + ":...\"" : PrometheusScraper.redact(uri)));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("prometheusMonitor: uri must not hold credentials (they would not be sent), "
                    + "was " + PrometheusScraper.redact(uri) + " with user info; use header(\"Authorization\", ...)");
        }
        return new Builder(uri);
    }

    /** Returns the target, as given. */
    public URI uri() {
        return uri;
    }

    /** Returns the bound of one scrape. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Map<String, DoubleSupplier> gauges() {
        return gauges;
    }

    /**
     * Starts scraping on the monitor's own thread: at once, then an interval after each scrape.
     *
     * @throws IllegalStateException if already started and not closed
     */
    @Override
    public void start(Duration interval) {
        scraper.start(Checks.positive("prometheusMonitor[" + label + "]", "interval", interval));
    }

    /** Stops scraping and closes the HTTP client, abandoning a scrape in progress; waits at most 1 s. */
    @Override
    public void close() {
        scraper.close();
    }

    @Override
    public Optional<String> lastError() {
        return health.lastError();
    }

    @Override
    public String toString() {
        return "PrometheusMonitor[" + label + ", " + PrometheusScraper.redact(uri) + "]";
    }

    /** Builds a {@link PrometheusMonitor}. Not thread-safe. */
    public static final class Builder {
        private final URI uri;
        private String label = DEFAULT_LABEL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<PrometheusSelection.Series> series = new ArrayList<>();

        private Builder(URI uri) {
            this.uri = uri;
        }

        /**
         * Sets the label that starts the gauges' names.
         *
         * @param label non-blank; default {@link #DEFAULT_LABEL}
         * @return this builder
         */
        public Builder label(String label) {
            this.label = Checks.name("prometheusMonitor", "label", label);
            return this;
        }

        /**
         * Sets the bound of one scrape: connecting, sending and reading the whole answer.
         *
         * @param timeout &gt; 0; default {@link #DEFAULT_TIMEOUT}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive("prometheusMonitor", "timeout", timeout);
            return this;
        }

        /**
         * Adds a request header, such as {@code Authorization} for a protected actuator. Its value
         * is never logged nor reported.
         *
         * @param name  a header name the JDK's HTTP client lets callers set (not Host, Connection...)
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or restricted, or the value invalid
         */
        public Builder header(String name, String value) {
            Checks.name("prometheusMonitor", "header name", name);
            Checks.notNull("prometheusMonitor", "header[" + name + "]", value);
            try {
                HttpRequest.newBuilder().header(name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prometheusMonitor: header " + name + " cannot be set: the name is "
                        + "restricted or the value holds characters not allowed in a header", null);
            }
            headers.put(name, value);
            return this;
        }

        /**
         * Adds a series by metric name: the sum of all its samples, whatever their labels.
         *
         * @param alias  the gauge's name after {@code <label>.}, non-blank, unique, not {@code up}
         * @param metric the metric name, such as {@code process_cpu_usage}
         * @return this builder
         * @throws IllegalArgumentException if the alias is blank, taken or {@code up}, or the name invalid
         */
        public Builder addSeries(String alias, String metric) {
            return add(alias, metric, Map.of(), false);
        }

        /**
         * Adds a series by metric name and label values: the sum of the samples that have those
         * labels with exactly those values (other labels may have any value).
         *
         * @param alias  the gauge's name after {@code <label>.}, non-blank, unique, not {@code up}
         * @param metric the metric name, such as {@code jvm_memory_used_bytes}
         * @param labels label values, such as {@code Map.of("area", "heap")}
         * @return this builder
         * @throws IllegalArgumentException if the alias is blank, taken or {@code up}, or a name invalid
         */
        public Builder addSeries(String alias, String metric, Map<String, String> labels) {
            return add(alias, metric, labels, false);
        }

        /**
         * Adds the rate of a counter: the increase per second, between two scrapes, of the sum of
         * all its samples.
         *
         * @param alias  the gauge's name after {@code <label>.}, non-blank, unique, not {@code up}
         * @param metric the counter's name, such as {@code http_server_requests_seconds_count}
         * @return this builder
         * @throws IllegalArgumentException if the alias is blank, taken or {@code up}, or the name invalid
         */
        public Builder addRate(String alias, String metric) {
            return add(alias, metric, Map.of(), true);
        }

        /**
         * Adds the rate of a counter, over the samples with the given label values.
         *
         * @param alias  the gauge's name after {@code <label>.}, non-blank, unique, not {@code up}
         * @param metric the counter's name
         * @param labels label values, such as {@code Map.of("uri", "/orders")}
         * @return this builder
         * @throws IllegalArgumentException if the alias is blank, taken or {@code up}, or a name invalid
         */
        public Builder addRate(String alias, String metric, Map<String, String> labels) {
            return add(alias, metric, labels, true);
        }

        /** Returns the monitor. */
        public PrometheusMonitor build() {
            return new PrometheusMonitor(this);
        }

        private Builder add(String alias, String metric, Map<String, String> labels, boolean rate) {
            Checks.name("prometheusMonitor", "series alias", alias);
            String where = "prometheusMonitor/series[" + alias + "]";
            if (alias.equals("up") || series.stream().anyMatch(s -> s.alias().equals(alias))) {
                throw new IllegalArgumentException(where + ": alias must be unique and not \"up\", was \"" + alias + "\"");
            }
            Checks.notNull(where, "metric", metric);
            if (!METRIC_NAME.matcher(metric).matches()) {
                throw new IllegalArgumentException(where + ": metric must be a Prometheus metric name "
                        + "([a-zA-Z_:][a-zA-Z0-9_:]*), was \"" + metric + "\"");
            }
            Checks.notNull(where, "labels", labels);
            labels.forEach((name, value) -> {
                if (name == null || !LABEL_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(where + ": label names must match [a-zA-Z_][a-zA-Z0-9_]*, was \""
                            + name + "\"");
                }
                Checks.notNull(where, "label[" + name + "]", value);
            });
            series.add(new PrometheusSelection.Series(alias, metric, labels, rate));
            return this;
        }
    }
}
