package dev.perfkit.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.Finding;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.LatencyStats;
import dev.perfkit.core.LoadModel;
import dev.perfkit.core.Outcome;
import dev.perfkit.core.RuleResult;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.RunStatus;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Verdict;
import dev.perfkit.report.ResultDocument;
import dev.perfkit.report.RunEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON written by {@link ResultJsonWriter} back into the same objects. Latency statistics
 * are rebuilt from the encoded histograms, so they are exactly those that were written.
 */
public final class ResultJsonReader {

    /** The schema version this reader understands. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ResultJsonReader() {
    }

    /**
     * Reads a document.
     *
     * @param in     the stream; not closed
     * @param source the name of the source for messages, such as the file's path
     * @return the document
     * @throws IOException if the stream cannot be read, is not JSON, is not a perfkit result, or is
     *                     of a schema version this reader does not know; the message names the source
     *                     and the field
     */
    public static ResultDocument read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !"perfkit-result".equals(root.path("format").asText(null))) {
            throw new IOException(source + ": not a perfkit result (the field \"format\" must be \"perfkit-result\")");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.intValue() != SCHEMA_VERSION) {
            throw new IOException(source + ": schemaVersion " + version + " is not supported; this perfkit reads "
                    + "schema version " + SCHEMA_VERSION);
        }
        try {
            return new Fields(source).document(root);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /** Reads fields, naming the path of a missing or malformed one. */
    private record Fields(String source) {

        ResultDocument document(JsonNode root) {
            JsonNode env = object(root, "environment");
            RunEnvironment environment = new RunEnvironment(text(env, "environment.perfkitVersion"),
                    text(env, "environment.javaVersion"), text(env, "environment.os"),
                    (int) integer(env, "environment.cores"), text(env, "environment.hostName"));
            JsonNode run = object(root, "run");
            List<SampleStats> samples = new ArrayList<>();
            int n = 0;
            for (JsonNode s : array(root, "samples")) {
                samples.add(sample(s, "samples[" + n++ + "]"));
            }
            List<IntervalStats> intervals = new ArrayList<>();
            n = 0;
            for (JsonNode i : array(root, "intervals")) {
                intervals.add(interval(i, "intervals[" + n++ + "]"));
            }
            JsonNode errorNode = field(run, "run.error");
            RunResult result = new RunResult(text(run, "run.scenario"), text(run, "run.description"),
                    constant(LoadModel.class, run, "run.model"), integer(run, "run.seed"),
                    constant(RunStatus.class, run, "run.status"), text(run, "run.stopReason"),
                    Instant.parse(text(run, "run.start")), Instant.parse(text(run, "run.end")),
                    Duration.ofNanos(integer(run, "run.durationNanos")), sample(object(root, "total"), "total"),
                    samples, intervals, integer(run, "run.iterations"), integer(run, "run.dropped"),
                    (int) integer(run, "run.peakUsers"), errorNode.isNull() ? null : text(run, "run.error"));
            JsonNode verdictNode = field(root, "verdict");
            Optional<Verdict> verdict = verdictNode.isNull() ? Optional.empty() : Optional.of(verdict(verdictNode));
            return new ResultDocument((int) integer(root, "schemaVersion"), result, verdict, environment,
                    labels(root));
        }

        /** Labels are optional: files written before they existed, or without any, have none. */
        private Map<String, String> labels(JsonNode root) {
            Map<String, String> labels = new LinkedHashMap<>();
            if (root.get("labels") == null) {
                return labels;
            }
            for (Map.Entry<String, JsonNode> e : object(root, "labels").properties()) {
                labels.put(e.getKey(), textValue(e.getValue(), "labels[" + e.getKey() + "]"));
            }
            return labels;
        }

        private SampleStats sample(JsonNode s, String path) {
            List<FailureSummary> failures = new ArrayList<>();
            int n = 0;
            for (JsonNode f : array(s, path + ".failureSummaries")) {
                String fp = path + ".failureSummaries[" + n++ + "]";
                List<FailureSummary.MessageCount> messages = new ArrayList<>();
                int m = 0;
                for (JsonNode msg : array(f, fp + ".messages")) {
                    String mp = fp + ".messages[" + m++ + "]";
                    messages.add(new FailureSummary.MessageCount(text(msg, mp + ".message"), integer(msg, mp + ".count")));
                }
                failures.add(new FailureSummary(text(f, fp + ".category"), integer(f, fp + ".count"), messages));
            }
            return new SampleStats(text(s, path + ".name"), constant(SampleKind.class, s, path + ".kind"),
                    integer(s, path + ".count"), integer(s, path + ".failures"), decimal(s, path + ".throughput"),
                    latency(object(s, path + ".responseTime"), path + ".responseTime"),
                    latency(object(s, path + ".serviceTime"), path + ".serviceTime"), failures);
        }

        private LatencyStats latency(JsonNode l, String path) {
            try {
                return LatencyStats.of(Histograms.decode(text(l, path + ".histogram")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ".histogram: " + e.getMessage(), e);
            }
        }

        private IntervalStats interval(JsonNode i, String path) {
            Map<String, IntervalStats.Interval> samples = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : object(i, path + ".samples").properties()) {
                samples.put(e.getKey(), part(e.getValue(), path + ".samples[" + e.getKey() + "]"));
            }
            Map<String, Double> gauges = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : object(i, path + ".gauges").properties()) {
                gauges.put(e.getKey(), number(e.getValue(), path + ".gauges[" + e.getKey() + "]"));
            }
            return new IntervalStats((int) integer(i, path + ".index"), Duration.ofNanos(integer(i, path + ".startNanos")),
                    Duration.ofNanos(integer(i, path + ".lengthNanos")), (int) integer(i, path + ".activeUsers"),
                    (int) integer(i, path + ".inFlight"), integer(i, path + ".dropped"),
                    part(object(i, path + ".total"), path + ".total"), samples, gauges);
        }

        private IntervalStats.Interval part(JsonNode v, String path) {
            return new IntervalStats.Interval(integer(v, path + ".count"), integer(v, path + ".failures"),
                    decimal(v, path + ".throughput"), decimal(v, path + ".meanNanos"), integer(v, path + ".p50Nanos"),
                    integer(v, path + ".p90Nanos"), integer(v, path + ".p95Nanos"), integer(v, path + ".p99Nanos"),
                    integer(v, path + ".maxNanos"));
        }

        private Verdict verdict(JsonNode v) {
            List<RuleResult> rules = new ArrayList<>();
            int n = 0;
            for (JsonNode r : array(v, "verdict.rules")) {
                String p = "verdict.rules[" + n++ + "]";
                rules.add(new RuleResult(text(r, p + ".rule"), text(r, p + ".subject"), text(r, p + ".statistic"),
                        text(r, p + ".unit"), number(field(r, p + ".observed"), p + ".observed"),
                        number(field(r, p + ".warning"), p + ".warning"),
                        number(field(r, p + ".critical"), p + ".critical"), bool(r, p + ".higherIsWorse"),
                        text(r, p + ".window"), constant(Outcome.class, r, p + ".outcome"), text(r, p + ".note")));
            }
            List<Finding> findings = new ArrayList<>();
            n = 0;
            for (JsonNode f : array(v, "verdict.findings")) {
                String p = "verdict.findings[" + n++ + "]";
                List<String> evidence = new ArrayList<>();
                int m = 0;
                for (JsonNode e : array(f, p + ".evidence")) {
                    evidence.add(textValue(e, p + ".evidence[" + m++ + "]"));
                }
                findings.add(new Finding(text(f, p + ".kind"), text(f, p + ".subject"), text(f, p + ".title"), evidence,
                        text(f, p + ".recommendation")));
            }
            return new Verdict(text(v, "verdict.environment"), constant(Outcome.class, v, "verdict.outcome"), rules,
                    findings);
        }

        private static String last(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }

        private JsonNode field(JsonNode parent, String path) {
            JsonNode node = parent.get(last(path));
            if (node == null) {
                throw new IllegalArgumentException(path + ": missing");
            }
            return node;
        }

        private JsonNode object(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isObject()) {
                throw new IllegalArgumentException(path + ": expected an object, was " + node.getNodeType());
            }
            return node;
        }

        private JsonNode array(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isArray()) {
                throw new IllegalArgumentException(path + ": expected an array, was " + node.getNodeType());
            }
            return node;
        }

        private String text(JsonNode parent, String path) {
            return textValue(field(parent, path), path);
        }

        private static String textValue(JsonNode node, String path) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException(path + ": expected a string, was " + node.getNodeType());
            }
            return node.textValue();
        }

        private <E extends Enum<E>> E constant(Class<E> type, JsonNode parent, String path) {
            String name = text(parent, path);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(path + ": expected one of " + java.util.Arrays.toString(
                    type.getEnumConstants()) + ", was \"" + name + "\"");
        }

        private long integer(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new IllegalArgumentException(path + ": expected an integer, was " + node);
            }
            return node.longValue();
        }

        private double decimal(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isNumber()) {
                throw new IllegalArgumentException(path + ": expected a number, was " + node);
            }
            return node.doubleValue();
        }

        private boolean bool(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isBoolean()) {
                throw new IllegalArgumentException(path + ": expected true or false, was " + node);
            }
            return node.booleanValue();
        }

        /** A number that may be NaN (null) or infinite (the strings "Infinity" and "-Infinity"). */
        private static double number(JsonNode node, String path) {
            if (node.isNull()) {
                return Double.NaN;
            }
            if (node.isNumber()) {
                return node.doubleValue();
            }
            if (node.isTextual() && (node.textValue().equals("Infinity") || node.textValue().equals("-Infinity"))) {
                return node.textValue().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw new IllegalArgumentException(path + ": expected a number, null or \"Infinity\", was " + node);
        }
    }
}
