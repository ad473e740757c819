package dev.perfkit.report.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.Finding;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.ResultDocument;
import dev.perfkit.report.RunEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes a {@link ResultDocument} as JSON of schema version 1 (docs/schema). The field order is
 * fixed, maps keep their order, the {@code labels} object is left out when there are none, lines end with {@code \n} and numbers are printed by Jackson, so the
 * same document always gives the same bytes.
 */
public final class ResultJsonWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private ResultJsonWriter() {
    }

    /**
     * Writes a document; the stream is flushed, not closed.
     *
     * @param document the document
     * @param out      the stream
     * @throws IOException if writing fails
     */
    public static void write(ResultDocument document, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter);
            printer.indentArraysWith(indenter);
            g.setPrettyPrinter(printer);
            RunResult r = document.result();
            g.writeStartObject();
            g.writeStringField("format", "perfkit-result");
            g.writeNumberField("schemaVersion", document.schemaVersion());
            g.writeBooleanField("complete", document.complete());
            environment(g, document.environment());
            labels(g, document.labels());
            g.writeObjectFieldStart("run");
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
            g.writeStringField("error", r.error());
            g.writeEndObject();
            g.writeFieldName("total");
            sample(g, r.total());
            g.writeArrayFieldStart("samples");
            for (SampleStats s : r.samples()) {
                sample(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("intervals");
            for (IntervalStats i : r.intervals()) {
                interval(g, i);
            }
            g.writeEndArray();
            g.writeFieldName("verdict");
            if (document.verdict().isPresent()) {
                verdict(g, document.verdict().get());
            } else {
                g.writeNull();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void environment(JsonGenerator g, RunEnvironment e) throws IOException {
        g.writeObjectFieldStart("environment");
        g.writeStringField("perfkitVersion", e.perfkitVersion());
        g.writeStringField("javaVersion", e.javaVersion());
        g.writeStringField("os", e.os());
        g.writeNumberField("cores", e.cores());
        g.writeStringField("hostName", e.hostName());
        g.writeEndObject();
    }

    /**
     * Written only when there are labels, so that a document without any has the bytes it had before
     * labels existed, and old files read and written again stay the same.
     */
    private static void labels(JsonGenerator g, Map<String, String> labels) throws IOException {
        if (labels.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("labels");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void sample(JsonGenerator g, SampleStats s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("kind", s.kind().name());
        g.writeNumberField("count", s.count());
        g.writeNumberField("failures", s.failures());
        g.writeNumberField("throughput", s.throughput());
        g.writeFieldName("responseTime");
        latency(g, s.responseTime());
        g.writeFieldName("serviceTime");
        latency(g, s.serviceTime());
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

    private static void latency(JsonGenerator g, LatencyStats l) throws IOException {
        g.writeStartObject();
        g.writeNumberField("count", l.count());
        g.writeNumberField("minNanos", l.minNanos());
        g.writeNumberField("maxNanos", l.maxNanos());
        g.writeNumberField("meanNanos", l.meanNanos());
        g.writeNumberField("stdDevNanos", l.stdDevNanos());
        g.writeNumberField("p50Nanos", l.p50Nanos());
        g.writeNumberField("p75Nanos", l.p75Nanos());
        g.writeNumberField("p90Nanos", l.p90Nanos());
        g.writeNumberField("p95Nanos", l.p95Nanos());
        g.writeNumberField("p99Nanos", l.p99Nanos());
        g.writeNumberField("p999Nanos", l.p999Nanos());
        g.writeStringField("histogram", Histograms.encode(l.histogram()));
        g.writeEndObject();
    }

    private static void interval(JsonGenerator g, IntervalStats i) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", i.index());
        g.writeNumberField("startNanos", i.start().toNanos());
        g.writeNumberField("lengthNanos", i.length().toNanos());
        g.writeNumberField("activeUsers", i.activeUsers());
        g.writeNumberField("inFlight", i.inFlight());
        g.writeNumberField("dropped", i.dropped());
        g.writeFieldName("total");
        intervalPart(g, i.total());
        g.writeObjectFieldStart("samples");
        for (Map.Entry<String, IntervalStats.Interval> e : i.samples().entrySet()) {
            g.writeFieldName(e.getKey());
            intervalPart(g, e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("gauges");
        for (Map.Entry<String, Double> e : i.gauges().entrySet()) {
            g.writeFieldName(e.getKey());
            number(g, e.getValue() == null ? Double.NaN : e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void intervalPart(JsonGenerator g, IntervalStats.Interval v) throws IOException {
        g.writeStartObject();
        g.writeNumberField("count", v.count());
        g.writeNumberField("failures", v.failures());
        g.writeNumberField("throughput", v.throughput());
        g.writeNumberField("meanNanos", v.meanNanos());
        g.writeNumberField("p50Nanos", v.p50Nanos());
        g.writeNumberField("p90Nanos", v.p90Nanos());
        g.writeNumberField("p95Nanos", v.p95Nanos());
        g.writeNumberField("p99Nanos", v.p99Nanos());
        g.writeNumberField("maxNanos", v.maxNanos());
        g.writeEndObject();
    }

    private static void verdict(JsonGenerator g, Verdict v) throws IOException {
        g.writeStartObject();
        g.writeStringField("environment", v.environment());
        g.writeStringField("outcome", v.outcome().name());
        g.writeArrayFieldStart("rules");
        for (RuleResult r : v.rules()) {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            g.writeStringField("subject", r.subject());
            g.writeStringField("statistic", r.statistic());
            g.writeStringField("unit", r.unit());
            g.writeFieldName("observed");
            number(g, r.observed());
            g.writeFieldName("warning");
            number(g, r.warning());
            g.writeFieldName("critical");
            number(g, r.critical());
            g.writeBooleanField("higherIsWorse", r.higherIsWorse());
            g.writeStringField("window", r.window());
            g.writeStringField("outcome", r.outcome().name());
            g.writeStringField("note", r.note());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : v.findings()) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind());
            g.writeStringField("subject", f.subject());
            g.writeStringField("title", f.title());
            g.writeArrayFieldStart("evidence");
            for (String e : f.evidence()) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeStringField("recommendation", f.recommendation());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** JSON has no NaN or infinities: NaN is written as null, infinities as the strings Java prints. */
    private static void number(JsonGenerator g, double value) throws IOException {
        if (Double.isNaN(value)) {
            g.writeNull();
        } else if (Double.isInfinite(value)) {
            g.writeString(value > 0 ? "Infinity" : "-Infinity");
        } else {
            g.writeNumber(value);
        }
    }
}
