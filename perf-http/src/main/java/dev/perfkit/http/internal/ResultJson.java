package dev.perfkit.http.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link RunResult} as JSON for the ad-hoc command's {@code --json} option: every field
 * of the result, times in nanoseconds (exact integers from the histograms), plus the command's own
 * section (what was loaded, status codes). Format {@value #FORMAT}.
 *
 * <p>This is the command's own file, written with Jackson's streaming generator. perf-report owns
 * the project's report formats; when it has a JSON writer, the command should use it.
 */
public final class ResultJson {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "perfkit-http-command-result/1";

    private ResultJson() {
    }

    /**
     * Writes the result to a file, creating its parent directories.
     *
     * @param result  the result
     * @param command the command's settings and extra figures, written as the {@code command} object (values: String, Number, Boolean, Map)
     * @param file    the file
     * @throws IOException if the file cannot be written
     */
    public static void write(RunResult result, Map<String, Object> command, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            write(result, command, g);
        }
    }

    private static void write(RunResult r, Map<String, Object> command, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeStringField("scenario", r.scenario());
        g.writeStringField("description", r.description());
        g.writeStringField("model", r.model().name());
        g.writeNumberField("seed", r.seed());
        g.writeStringField("status", r.status().name());
        g.writeStringField("stopReason", r.stopReason());
        g.writeStringField("start", r.start().toString());
        g.writeStringField("end", r.end().toString());
        g.writeNumberField("durationNanos", r.duration().toNanos());
        g.writeNumberField("iterations", r.iterations());
        g.writeNumberField("dropped", r.dropped());
        g.writeNumberField("peakUsers", r.peakUsers());
        if (r.error() != null) {
            g.writeStringField("error", r.error());
        }
        g.writeFieldName("command");
        value(command, g);
        g.writeFieldName("total");
        stats(r.total(), g);
        g.writeArrayFieldStart("samples");
        for (SampleStats s : r.samples()) {
            stats(s, g);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("intervals");
        for (IntervalStats i : r.intervals()) {
            g.writeStartObject();
            g.writeNumberField("index", i.index());
            g.writeNumberField("startNanos", i.start().toNanos());
            g.writeNumberField("lengthNanos", i.length().toNanos());
            g.writeNumberField("activeUsers", i.activeUsers());
            g.writeNumberField("inFlight", i.inFlight());
            g.writeNumberField("dropped", i.dropped());
            g.writeFieldName("total");
            interval(i.total(), g);
            g.writeObjectFieldStart("samples");
            for (Map.Entry<String, IntervalStats.Interval> e : i.samples().entrySet()) {
                g.writeFieldName(e.getKey());
                interval(e.getValue(), g);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("gauges");
            for (Map.Entry<String, Double> e : i.gauges().entrySet()) {
                if (e.getValue().isNaN()) {
                    g.writeNullField(e.getKey());
                } else {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void stats(SampleStats s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("kind", s.kind().name());
        g.writeNumberField("count", s.count());
        g.writeNumberField("failures", s.failures());
        g.writeNumberField("errorRate", s.errorRate());
        g.writeNumberField("throughput", s.throughput());
        g.writeFieldName("responseTimeNanos");
        latency(s.responseTime(), g);
        g.writeFieldName("serviceTimeNanos");
        latency(s.serviceTime(), g);
        g.writeArrayFieldStart("failureSummaries");
        for (FailureSummary f : s.failureSummaries()) {
            g.writeStartObject();
            g.writeStringField("category", f.category());
            g.writeNumberField("count", f.count());
            g.writeArrayFieldStart("messages");
            for (FailureSummary.MessageCount m : f.messages()) {
                g.writeStartObject();
                g.writeStringField("message", m.message());
                g.writeNumberField("count", m.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void latency(LatencyStats l, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("count", l.count());
        g.writeNumberField("min", l.minNanos());
        g.writeNumberField("mean", l.meanNanos());
        g.writeNumberField("stdDev", l.stdDevNanos());
        g.writeNumberField("p50", l.p50Nanos());
        g.writeNumberField("p75", l.p75Nanos());
        g.writeNumberField("p90", l.p90Nanos());
        g.writeNumberField("p95", l.p95Nanos());
        g.writeNumberField("p99", l.p99Nanos());
        g.writeNumberField("p999", l.p999Nanos());
        g.writeNumberField("max", l.maxNanos());
        g.writeEndObject();
    }

    private static void interval(IntervalStats.Interval i, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("count", i.count());
        g.writeNumberField("failures", i.failures());
        g.writeNumberField("throughput", i.throughput());
        g.writeNumberField("meanNanos", i.meanNanos());
        g.writeNumberField("p50Nanos", i.p50Nanos());
        g.writeNumberField("p90Nanos", i.p90Nanos());
        g.writeNumberField("p95Nanos", i.p95Nanos());
        g.writeNumberField("p99Nanos", i.p99Nanos());
        g.writeNumberField("maxNanos", i.maxNanos());
        g.writeEndObject();
    }

    private static void value(Object v, JsonGenerator g) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Integer n -> g.writeNumber(n);
            case Long n -> g.writeNumber(n);
            case Double n -> g.writeNumber(n);
            case Boolean b -> g.writeBoolean(b);
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case Iterable<?> list -> {
                g.writeStartArray();
                for (Object o : list) {
                    value(o, g);
                }
                g.writeEndArray();
            }
            default -> g.writeString(String.valueOf(v));
        }
    }
}
