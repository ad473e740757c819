package dev.perfkit.core;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a threshold {@link Rule} looks at: the run's total, one sample name, every adapter request
 * whose name matches a pattern, or a gauge. Immutable.
 *
 * <h2>Groups of requests</h2>
 * {@link #requests(String, String)} judges each sample of kind {@link SampleKind#REQUEST} (what
 * adapters record: HTTP requests, JDBC statements) whose whole name matches a regular expression,
 * and reports the worst of them. The {@link Environment} defaults use two such groups:
 * {@link #API} (names that start with an HTTP method and a space, as perf-http names requests:
 * {@code GET /users/{id}}) and {@link #DATABASE} (every other request, such as the named
 * statements of perf-jdbc). Task samples are never in a group: judge them by name.
 *
 * @param kind    what kind of subject this is
 * @param name    the sample or gauge name, the regular expression of a group, or
 *                {@link SampleStats#TOTAL}
 * @param label   how rule descriptions call the subject: the name, or the group's label
 */
public record Subject(Kind kind, String name, String label) {

    /** The regular expression of {@link #API}: an HTTP method, a space, anything. */
    public static final String HTTP_REQUEST_PATTERN = "(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE) .*";
    /** The requests named like perf-http's requests: {@code GET /users/{id}}. */
    public static final Subject API = requests("api", HTTP_REQUEST_PATTERN);
    /** The requests not named like HTTP requests, such as perf-jdbc's named statements. */
    public static final Subject DATABASE = requests("database", "(?!" + HTTP_REQUEST_PATTERN + "$).*");

    /** The kinds of subject. */
    public enum Kind {
        /** The run's total ({@link RunResult#total()}). */
        TOTAL,
        /** One sample name, of any kind. */
        SAMPLE,
        /** Every request sample whose name matches a regular expression. */
        REQUESTS,
        /** A gauge of {@link RunOptions.Builder#addGauge}. */
        GAUGE
    }

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if a text is blank, or a group's pattern is not a regular expression
     */
    public Subject {
        Objects.requireNonNull(kind, "subject: kind must not be null");
        Checks.name("subject", "name", name);
        Checks.name("subject", "label", label);
        if (kind == Kind.REQUESTS) {
            try {
                Pattern.compile(name);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("subject[" + label + "]: pattern is not a regular expression, was \""
                        + name + "\": " + e.getDescription());
            }
        }
    }

    /** Returns the run's total. */
    public static Subject total() {
        return new Subject(Kind.TOTAL, SampleStats.TOTAL, SampleStats.TOTAL);
    }

    /**
     * Returns one sample name.
     *
     * @param name the sample name, such as {@code GET /users/{id}} or a task's name
     * @return the subject
     */
    public static Subject sample(String name) {
        return new Subject(Kind.SAMPLE, name, name);
    }

    /**
     * Returns a group of requests: every {@link SampleKind#REQUEST} sample whose whole name matches.
     *
     * @param label   the group's name in descriptions, such as {@code api}
     * @param pattern a regular expression ({@link Pattern}) matched against the whole name
     * @return the subject
     */
    public static Subject requests(String label, String pattern) {
        return new Subject(Kind.REQUESTS, pattern, label);
    }

    /**
     * Returns a gauge, such as {@code sut.memory} or {@code db.active} (see docs/verdicts.md for
     * the names the monitors publish).
     *
     * @param name the gauge's name
     * @return the subject
     */
    public static Subject gauge(String name) {
        return new Subject(Kind.GAUGE, name, name);
    }

    /**
     * Returns the unit of a statistic of this subject: {@code ms}, {@code ratio}, {@code /s},
     * {@code count}, or for a gauge its unit by name ({@code share} for {@code *.cpu},
     * {@code bytes} for {@code *.memory}, {@code *.afterGc} and {@code *.committed}, {@code ms}
     * for {@code *.gc.pause}, {@code value} otherwise).
     *
     * @param statistic the statistic
     * @return the unit
     */
    public String unit(Statistic statistic) {
        if (kind == Kind.GAUGE) {
            if (name.endsWith(".cpu")) {
                return "share";
            }
            if (name.endsWith(".memory") || name.endsWith(".afterGc") || name.endsWith(".committed")) {
                return "bytes";
            }
            return name.endsWith(".gc.pause") ? "ms" : "value";
        }
        if (statistic.isTime()) {
            return "ms";
        }
        return switch (statistic) {
            case ERROR_RATE -> "ratio";
            case THROUGHPUT -> "/s";
            default -> "count";
        };
    }
}
