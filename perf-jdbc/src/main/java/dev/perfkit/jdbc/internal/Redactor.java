package dev.perfkit.jdbc.internal;

import dev.perfkit.jdbc.Redaction;
import java.sql.SQLException;
import java.util.List;

/**
 * Cleans messages and exceptions of one pool's secrets: URL secrets by pattern and the pool's
 * literal password wherever it appears. Immutable and thread-safe.
 */
public final class Redactor {

    /** The longest message kept from a failure: the engine cuts at 300 characters anyway. */
    static final int MAX_MESSAGE = 300;

    private final List<String> secrets;

    /**
     * Creates a redactor.
     *
     * @param secrets the literal secrets to hide (nulls ignored)
     */
    public Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    /** Returns the text with URL secrets and the literal secrets masked. */
    public String clean(String text) {
        return Redaction.text(text, secrets);
    }

    /**
     * Describes a failure in one bounded line: {@code [SQLSTATE] first line of the message},
     * cleaned of secrets.
     */
    public String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null) {
            message = failure.getClass().getName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.strip();
        if (failure instanceof SQLException sql && sql.getSQLState() != null && !message.startsWith("[")) {
            message = "[" + sql.getSQLState() + "] " + message;
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        return clean(message);
    }

    /**
     * Returns a copy of an exception chain whose messages are cleaned of secrets, keeping the
     * classes where they can be rebuilt ({@link SQLException} with its state and vendor code, else
     * {@link RuntimeException}) and every stack trace.
     */
    public Throwable sanitize(Throwable failure) {
        return sanitize(failure, 0);
    }

    private Throwable sanitize(Throwable t, int depth) {
        if (t == null || depth > 10) {
            return null;
        }
        String message = clean(t.getMessage());
        String text = t.getClass().getName() + (message == null ? "" : ": " + message);
        Throwable copy;
        if (t instanceof SQLException sql) {
            copy = new SQLException(text, sql.getSQLState(), sql.getErrorCode());
        } else {
            copy = new RuntimeException(text);
        }
        copy.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause() == t ? null : sanitize(t.getCause(), depth + 1);
        if (cause != null) {
            copy.initCause(cause);
        }
        return copy;
    }
}
