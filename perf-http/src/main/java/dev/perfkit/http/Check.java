package dev.perfkit.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perfkit.core.internal.Durations;
import dev.perfkit.http.internal.Redactor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * A condition a response must meet: its status, a header, the body, a JSON value, its time.
 *
 * <pre>{@code
 * HttpRequest.get("/users/{id}")
 *     .check(Check.status(200),
 *            Check.header("Content-Type", "application/json"),
 *            Check.json("/name"),
 *            Check.responseTimeBelow(Duration.ofMillis(500)).soft());
 * }</pre>
 *
 * <h2>What a failed check does</h2>
 * A failed check fails the request's sample with category {@link HttpFailureCategory#CHECK} and
 * the check's description and the actual value as message ({@code status is 200, was 204}), and
 * throws the failure to fail the task; the first failed check decides. A <b>soft</b> check
 * ({@link #soft()}) fails nothing: each failure is counted as a timing statistic named
 * {@code "<sample name> soft check failed: <description>"}, whose count is the number of failures.
 *
 * <h2>Status</h2>
 * Without any status check, a status from 400 up fails the request as
 * {@link HttpFailureCategory#HTTP_4XX} or {@link HttpFailureCategory#HTTP_5XX}. With one, the
 * status check decides: {@code Check.status(404)} makes a 404 a success. A status the check
 * rejects still counts as {@code http_4xx}/{@code http_5xx} from 400 up, and as {@code check}
 * below.
 *
 * <p>Checks are immutable and thread-safe. No description or message ever shows the value of a
 * secret header or of a JSON member whose name says it is a secret (see {@link HttpConfig}).
 */
public final class Check {

    private enum Kind { STATUS, HEADER_PRESENT, HEADER_EQUALS, HEADER_MATCHES, BODY_CONTAINS, BODY_MATCHES, JSON_PRESENT, JSON_EQUALS, TIME, CUSTOM }

    /** The longest actual value quoted in a failure message. */
    static final int MAX_QUOTED = 60;

    private final Kind kind;
    private final boolean soft;
    private final int[] statuses;
    private final int statusFrom;
    private final int statusTo;
    private final String name;
    private final String text;
    private final Pattern pattern;
    private final JsonPointer pointer;
    private final Object expected;
    private final long nanos;
    private final String customDescription;
    private final Predicate<HttpResponse> predicate;

    private Check(Kind kind, boolean soft, int[] statuses, int statusFrom, int statusTo, String name, String text, Pattern pattern,
                  JsonPointer pointer, Object expected, long nanos, String customDescription, Predicate<HttpResponse> predicate) {
        this.kind = kind;
        this.soft = soft;
        this.statuses = statuses;
        this.statusFrom = statusFrom;
        this.statusTo = statusTo;
        this.name = name;
        this.text = text;
        this.pattern = pattern;
        this.pointer = pointer;
        this.expected = expected;
        this.nanos = nanos;
        this.customDescription = customDescription;
        this.predicate = predicate;
    }

    private static Check of(Kind kind) {
        return new Check(kind, false, null, 0, 0, null, null, null, null, null, 0, null, null);
    }

    private static int status(String field, int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("check: " + field + " must be an HTTP status from 100 to 999, was " + code);
        }
        return code;
    }

    /**
     * The status is exactly {@code expected}.
     *
     * @param expected an HTTP status, 100 to 999
     * @return the check
     */
    public static Check status(int expected) {
        return new Check(Kind.STATUS, false, new int[] {status("status", expected)}, 0, 0, null, null, null, null, null, 0, null, null);
    }

    /**
     * The status is one of {@code accepted}.
     *
     * @param accepted HTTP statuses, at least one
     * @return the check
     */
    public static Check statusIn(int... accepted) {
        if (accepted == null || accepted.length == 0) {
            throw new IllegalArgumentException("check: statusIn needs at least one status");
        }
        int[] codes = accepted.clone();
        for (int c : codes) {
            status("statusIn", c);
        }
        Arrays.sort(codes);
        return new Check(Kind.STATUS, false, codes, 0, 0, null, null, null, null, null, 0, null, null);
    }

    /**
     * The status lies in a range, both ends included: {@code statusBetween(200, 299)} accepts any 2xx.
     *
     * @param from the lowest accepted status
     * @param to   the highest accepted status, {@code >= from}
     * @return the check
     */
    public static Check statusBetween(int from, int to) {
        status("statusBetween from", from);
        status("statusBetween to", to);
        if (to < from) {
            throw new IllegalArgumentException("check: statusBetween needs from <= to, was " + from + ".." + to);
        }
        return new Check(Kind.STATUS, false, null, from, to, null, null, null, null, null, 0, null, null);
    }

    /**
     * A header is present.
     *
     * @param name the header name, any case
     * @return the check
     */
    public static Check header(String name) {
        return new Check(Kind.HEADER_PRESENT, false, null, 0, 0, Require.token("check", "header name", name), null, null, null, null, 0, null, null);
    }

    /**
     * A header's first value equals {@code expected}.
     *
     * @param name     the header name, any case
     * @param expected the value
     * @return the check
     */
    public static Check header(String name, String expected) {
        return new Check(Kind.HEADER_EQUALS, false, null, 0, 0, Require.token("check", "header name", name),
                Require.notNull("check", "header[" + name + "] value", expected), null, null, null, 0, null, null);
    }

    /**
     * A header's first value matches a regular expression somewhere ({@link java.util.regex.Matcher#find()}).
     *
     * @param name  the header name, any case
     * @param regex the expression
     * @return the check
     * @throws IllegalArgumentException if the expression does not compile
     */
    public static Check headerMatches(String name, String regex) {
        return new Check(Kind.HEADER_MATCHES, false, null, 0, 0, Require.token("check", "header name", name), regex,
                compile("headerMatches", regex), null, null, 0, null, null);
    }

    /**
     * The body contains a text.
     *
     * @param text the text, non-empty
     * @return the check
     */
    public static Check bodyContains(String text) {
        Require.notNull("check", "bodyContains", text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("check: bodyContains needs a non-empty text");
        }
        return new Check(Kind.BODY_CONTAINS, false, null, 0, 0, null, text, null, null, null, 0, null, null);
    }

    /**
     * The body matches a regular expression somewhere ({@link java.util.regex.Matcher#find()}).
     *
     * @param regex the expression
     * @return the check
     * @throws IllegalArgumentException if the expression does not compile
     */
    public static Check bodyMatches(String regex) {
        return new Check(Kind.BODY_MATCHES, false, null, 0, 0, null, regex, compile("bodyMatches", regex), null, null, 0, null, null);
    }

    /**
     * The body is JSON and has a non-null value at a JSON Pointer.
     *
     * @param pointer an RFC 6901 pointer, such as {@code /items/0/id} (Jackson's {@link JsonPointer})
     * @return the check
     * @throws IllegalArgumentException if the pointer is malformed
     */
    public static Check json(String pointer) {
        return new Check(Kind.JSON_PRESENT, false, null, 0, 0, null, pointer, null, pointer("json", pointer), null, 0, null, null);
    }

    /**
     * The body is JSON and the value at a JSON Pointer equals {@code expected}: numbers compare by
     * value ({@code 17} equals {@code 17.0}), strings and booleans exactly, {@code null} matches a
     * JSON null, a {@link JsonNode} must be equal as a tree.
     *
     * @param pointer  an RFC 6901 pointer, such as {@code /user/name}
     * @param expected a {@link String}, {@link Number}, {@link Boolean}, {@link JsonNode} or null
     * @return the check
     * @throws IllegalArgumentException if the pointer is malformed or {@code expected} of another type
     */
    public static Check json(String pointer, Object expected) {
        if (expected != null && !(expected instanceof String || expected instanceof Number || expected instanceof Boolean
                || expected instanceof JsonNode)) {
            throw new IllegalArgumentException("check: json(\"" + pointer + "\") compares with a String, Number, Boolean, JsonNode or null, was a "
                    + expected.getClass().getName());
        }
        return new Check(Kind.JSON_EQUALS, false, null, 0, 0, null, pointer, null, pointer("json", pointer), expected, 0, null, null);
    }

    /**
     * The request took less than {@code bound}, measured as its sample is.
     *
     * @param bound {@code > 0}
     * @return the check
     */
    public static Check responseTimeBelow(Duration bound) {
        Require.positive("check", "responseTimeBelow", bound);
        return new Check(Kind.TIME, false, null, 0, 0, null, null, null, null, null, bound.toNanos(), null, null);
    }

    /**
     * Any condition on the response. A predicate that throws fails the check, with the exception's
     * class and message.
     *
     * @param description what the check asserts, used in failure messages; keep it constant
     * @param predicate   the condition; called on the virtual user's thread, must not block
     * @return the check
     */
    public static Check that(String description, Predicate<HttpResponse> predicate) {
        return new Check(Kind.CUSTOM, false, null, 0, 0, null, null, null, null, null, 0,
                Require.notBlank("check", "description", description), Require.notNull("check", "predicate", predicate));
    }

    /**
     * Returns a soft copy of this check: its failures are counted, but fail neither the request nor the task.
     *
     * @return the soft check
     */
    public Check soft() {
        return new Check(kind, true, statuses, statusFrom, statusTo, name, text, pattern, pointer, expected, nanos, customDescription, predicate);
    }

    /** Returns true if this check is soft. */
    public boolean isSoft() {
        return soft;
    }

    /** Returns true if this check is about the status, which turns off the default status rule. */
    public boolean checksStatus() {
        return kind == Kind.STATUS;
    }

    /** Returns what the check asserts, such as {@code status is 200} or {@code json /id is 17}. */
    public String description() {
        return describe(Redactor.defaults());
    }

    /** Returns the description with the secrets of a client's redaction rules hidden. */
    String describe(Redactor redactor) {
        return switch (kind) {
            case STATUS -> statuses == null ? "status in " + statusFrom + ".." + statusTo
                    : statuses.length == 1 ? "status is " + statuses[0]
                    : "status in " + Arrays.stream(statuses).mapToObj(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
            case HEADER_PRESENT -> "header " + name + " is present";
            case HEADER_EQUALS -> "header " + name + " is " + quote(redactor.headerValue(name, text));
            case HEADER_MATCHES -> "header " + name + " matches " + quote(redactor.isSecretHeader(name) ? Redactor.MASK : text);
            case BODY_CONTAINS -> "body contains " + quote(redactor.text(text));
            case BODY_MATCHES -> "body matches " + quote(redactor.text(text));
            case JSON_PRESENT -> "json " + text + " is present";
            case JSON_EQUALS -> "json " + text + " is " + (secretPointer(redactor) ? Redactor.MASK : expected == null ? "null"
                    : expected instanceof String s ? quote(s) : String.valueOf(expected));
            case TIME -> "response time < " + Durations.format(Duration.ofNanos(nanos));
            case CUSTOM -> redactor.text(customDescription);
        };
    }

    /**
     * Evaluates the check.
     *
     * @param r        the response
     * @param redactor the client's redaction rules, for the actual values quoted
     * @return null if the check passes, otherwise the failure message: the description and what was found
     */
    String failure(HttpResponse r, Redactor redactor) {
        String found = found(r, redactor);
        return found == null ? null : describe(redactor) + ", " + found;
    }

    /** Returns null if the response passes, otherwise what was found instead. */
    private String found(HttpResponse r, Redactor redactor) {
        switch (kind) {
            case STATUS -> {
                int s = r.status();
                boolean ok = statuses == null ? s >= statusFrom && s <= statusTo : Arrays.binarySearch(statuses, s) >= 0;
                return ok ? null : "was " + s;
            }
            case HEADER_PRESENT -> {
                return r.rawHeaders().get(name) != null ? null : "was absent";
            }
            case HEADER_EQUALS, HEADER_MATCHES -> {
                String v = r.rawHeaders().get(name);
                if (v == null) {
                    return "was absent";
                }
                boolean ok = kind == Kind.HEADER_EQUALS ? v.equals(text) : pattern.matcher(v).find();
                return ok ? null : "was " + quote(cut(redactor.headerValue(name, v)));
            }
            case BODY_CONTAINS -> {
                return r.body().contains(text) ? null : "not found in " + r.bodyLength() + " body bytes";
            }
            case BODY_MATCHES -> {
                return pattern.matcher(r.body()).find() ? null : "no match in " + r.bodyLength() + " body bytes";
            }
            case JSON_PRESENT, JSON_EQUALS -> {
                JsonNode root;
                try {
                    root = r.json();
                } catch (RuntimeException e) {
                    return "the body is not JSON";
                }
                JsonNode node = root.at(pointer);
                if (kind == Kind.JSON_PRESENT) {
                    return node.isMissingNode() || node.isNull() ? "was " + (node.isNull() ? "null" : "absent") : null;
                }
                if (node.isMissingNode()) {
                    return "was absent";
                }
                return matches(node) ? null : "was " + (secretPointer(redactor) ? Redactor.MASK : cut(node.toString()));
            }
            case TIME -> {
                long t = r.timings().totalNanos();
                return t < nanos ? null : "was " + String.format(Locale.ROOT, "%.3f ms", t / 1e6);
            }
            default -> {
                try {
                    return predicate.test(r) ? null : "was false";
                } catch (RuntimeException e) {
                    return "threw " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + redactor.text(e.getMessage()));
                }
            }
        }
    }

    private boolean matches(JsonNode node) {
        if (expected == null) {
            return node.isNull();
        }
        if (expected instanceof JsonNode n) {
            return n.equals(node);
        }
        if (expected instanceof String s) {
            return node.isTextual() && node.textValue().equals(s);
        }
        if (expected instanceof Boolean b) {
            return node.isBoolean() && node.booleanValue() == b;
        }
        if (!node.isNumber()) {
            return false;
        }
        try {
            return node.decimalValue().compareTo(new BigDecimal(expected.toString())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True if the pointer's last property names a secret (token, password, authorization, cookie...), so its value is never quoted. */
    private boolean secretPointer(Redactor redactor) {
        JsonPointer last = pointer.last();
        String property = last == null ? null : last.getMatchingProperty();
        return property != null && (redactor.isSecretParameter(property) || redactor.isSecretHeader(property));
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String cut(String s) {
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "...";
    }

    private static Pattern compile(String field, String regex) {
        Require.notNull("check", field, regex);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("check: " + field + " is not a regular expression (" + e.getDescription() + "), was \"" + regex + "\"");
        }
    }

    static JsonPointer pointer(String where, String pointer) {
        Require.notNull(where, "json pointer", pointer);
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": \"" + pointer + "\" is not a JSON Pointer (write /items/0/id): " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return (soft ? "soft check " : "check ") + description();
    }
}
