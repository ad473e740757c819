package dev.perfkit.core;

import java.util.Objects;

/**
 * A failure of a task or a request with an explicit category, such as {@code "connect"},
 * {@code "timeout"}, {@code "http_5xx"}, {@code "check"} or {@code "sql_deadlock"}.
 *
 * <p>Adapters throw it (or record it through {@link Session#recordFailure}) so that failures are
 * grouped by what went wrong rather than by exception class. It captures no stack trace: failures we
 * create ourselves are expected, frequent and must stay cheap.
 */
public class TaskFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String category;

    /**
     * Creates a failure.
     *
     * @param category short, stable, lower-case category; groups failures in the statistics
     * @param message  human-readable detail; the engine keeps a bounded set of distinct messages
     * @throws NullPointerException if {@code category} is null
     */
    public TaskFailure(String category, String message) {
        this(category, message, null);
    }

    /**
     * Creates a failure with the exception that caused it.
     *
     * @param category short, stable, lower-case category
     * @param message  human-readable detail
     * @param cause    the underlying exception, or null
     */
    public TaskFailure(String category, String message, Throwable cause) {
        super(message, cause, false, false);
        this.category = Objects.requireNonNull(category, "category");
    }

    /** Returns the category under which this failure is counted. */
    public String category() {
        return category;
    }
}
