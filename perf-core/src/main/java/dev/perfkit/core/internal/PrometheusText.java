package dev.perfkit.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the Prometheus text exposition format, version 0.0.4: what Prometheus exporters, Spring
 * Boot's {@code /actuator/prometheus} and Micrometer serve.
 *
 * <p>A line is blank (ignored), a comment ({@code # ...}, ignored unless it is a {@code # HELP} or
 * {@code # TYPE} line, which must be well formed), or a sample:
 * {@code name[{label="value",...}] value [timestamp]}. Label values unescape {@code \\}, {@code \"}
 * and {@code \n}; values accept {@code NaN}, {@code +Inf}, {@code -Inf}; the optional timestamp is
 * in milliseconds since the epoch. Tokens may be separated by blanks and tabs; a {@code \r} before
 * the end of a line is ignored. The {@code # EOF} line of OpenMetrics is a comment here.
 *
 * <p>Stateless and thread-safe. A malformed line throws a {@link FormatException} naming the line.
 */
public final class PrometheusText {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private PrometheusText() {
    }

    /**
     * One sample of the exposition.
     *
     * @param name            the metric name, such as {@code jvm_memory_used_bytes}
     * @param labels          the labels in the order written, unescaped
     * @param value           the value; may be NaN or infinite
     * @param timestampMillis the timestamp in ms since the epoch, or {@code null} when absent
     */
    public record Sample(String name, Map<String, String> labels, double value, Long timestampMillis) {

        /** Copies the labels, keeping their order. */
        public Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /** A line that is not in the exposition format. */
    public static final class FormatException extends RuntimeException {

        FormatException(int line, String message) {
            super("line " + line + ": " + message, null, false, false);
        }
    }

    /**
     * Parses a whole exposition.
     *
     * @param text the text
     * @return the samples, in the order written
     * @throws FormatException at the first malformed line
     */
    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        int lineNumber = 0;
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            int to = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
            Sample sample = new Line(text.substring(from, to), lineNumber).parse();
            if (sample != null) {
                samples.add(sample);
            }
            from = end + 1;
        }
        return samples;
    }

    /** A cursor over one line. */
    private static final class Line {
        private final String s;
        private final int number;
        private int pos;

        Line(String s, int number) {
            this.s = s;
            this.number = number;
        }

        Sample parse() {
            skipBlanks();
            if (pos == s.length()) {
                return null;
            }
            if (s.charAt(pos) == '#') {
                comment();
                return null;
            }
            String name = metricName();
            Map<String, String> labels = new LinkedHashMap<>();
            skipBlanks();
            if (pos < s.length() && s.charAt(pos) == '{') {
                pos++;
                labels(labels);
                skipBlanks();
            }
            if (pos == s.length()) {
                throw error("the sample of " + name + " has no value");
            }
            double value = value(token());
            skipBlanks();
            Long timestamp = null;
            if (pos < s.length()) {
                timestamp = timestamp(token());
                skipBlanks();
                if (pos < s.length()) {
                    throw error("unexpected text after the timestamp: \"" + s.substring(pos) + "\"");
                }
            }
            return new Sample(name, labels, value, timestamp);
        }

        private void comment() {
            pos++;
            skipBlanks();
            String keyword = token();
            if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
                return;
            }
            skipBlanks();
            String name = metricName();
            if (keyword.equals("TYPE")) {
                skipBlanks();
                String type = token();
                skipBlanks();
                if (!TYPES.contains(type)) {
                    throw error("TYPE of " + name + " must be one of counter, gauge, histogram, summary, untyped, was \""
                            + type + "\"");
                }
                if (pos < s.length()) {
                    throw error("unexpected text after the TYPE of " + name + ": \"" + s.substring(pos) + "\"");
                }
            }
        }

        private void labels(Map<String, String> labels) {
            while (true) {
                skipBlanks();
                if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return;
                }
                String name = name(false, "a label name");
                skipBlanks();
                expect('=');
                skipBlanks();
                expect('"');
                String value = labelValue();
                if (labels.put(name, value) != null) {
                    throw error("label " + name + " appears twice");
                }
                skipBlanks();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return;
                } else {
                    throw error("expected ',' or '}' after the value of label " + name + " at column " + (pos + 1));
                }
            }
        }

        private String labelValue() {
            StringBuilder b = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (pos == s.length()) {
                    break;
                }
                char escaped = s.charAt(pos++);
                switch (escaped) {
                    case '\\' -> b.append('\\');
                    case '"' -> b.append('"');
                    case 'n' -> b.append('\n');
                    default -> throw error("invalid escape \\" + escaped + " in a label value at column " + (pos - 1));
                }
            }
            throw error("a label value is not closed by '\"'");
        }

        private String metricName() {
            return name(true, "a metric name");
        }

        private String name(boolean colons, String what) {
            int start = pos;
            while (pos < s.length() && isNameChar(s.charAt(pos), pos == start, colons)) {
                pos++;
            }
            if (pos == start) {
                throw error("expected " + what + " at column " + (start + 1) + ", found \"" + excerpt(start) + "\"");
            }
            return s.substring(start, pos);
        }

        private static boolean isNameChar(char c, boolean first, boolean colons) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || colons && c == ':'
                    || !first && c >= '0' && c <= '9';
        }

        private double value(String token) {
            switch (token.toLowerCase(java.util.Locale.ROOT)) {
                case "nan":
                    return Double.NaN;
                case "+inf", "inf", "+infinity", "infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    if (!NUMBER.matcher(token).matches()) {
                        throw error("value must be a number, NaN, +Inf or -Inf, was \"" + token + "\"");
                    }
                    return Double.parseDouble(token);
            }
        }

        private Long timestamp(String token) {
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                throw error("timestamp must be an integer of milliseconds, was \"" + token + "\"");
            }
        }

        private String token() {
            int start = pos;
            while (pos < s.length() && !isBlank(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private void expect(char c) {
            if (pos == s.length() || s.charAt(pos) != c) {
                throw error("expected '" + c + "' at column " + (pos + 1) + ", found \"" + excerpt(pos) + "\"");
            }
            pos++;
        }

        private void skipBlanks() {
            while (pos < s.length() && isBlank(s.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private String excerpt(int from) {
            return from >= s.length() ? "" : s.substring(from, Math.min(s.length(), from + 20));
        }

        private FormatException error(String message) {
            return new FormatException(number, message);
        }
    }
}
