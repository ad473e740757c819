package dev.perfkit.http;

import dev.perfkit.core.internal.Durations;
import java.time.Duration;
import java.util.Objects;

/** Argument checks whose messages name the place, the field and the bad value. */
final class Require {

    private Require() {
    }

    static <T> T notNull(String where, String field, T value) {
        return Objects.requireNonNull(value, () -> where + ": " + field + " must not be null");
    }

    static String notBlank(String where, String field, String value) {
        notNull(where, field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + " must not be blank, was \"" + value + "\"");
        }
        return value;
    }

    static Duration positive(String where, String field, Duration value) {
        notNull(where, field, value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(where + ": " + field + " must be > 0, was " + Durations.format(value));
        }
        return value;
    }

    static Duration nonNegative(String where, String field, Duration value) {
        notNull(where, field, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException(where + ": " + field + " must be >= 0, was " + Durations.format(value));
        }
        return value;
    }

    static int positive(String where, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(where + ": " + field + " must be > 0, was " + value);
        }
        return value;
    }

    static int nonNegative(String where, String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(where + ": " + field + " must be >= 0, was " + value);
        }
        return value;
    }

    /** Checks an HTTP token (a header or method name): visible ASCII without separators. */
    static String token(String where, String field, String value) {
        notBlank(where, field, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 32 || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException(where + ": " + field + " must be an HTTP token (no spaces or separators), was \""
                        + value + "\"");
            }
        }
        return value;
    }

    /** Checks a header value: no line breaks or other control characters but tab. */
    static String headerValue(String where, String field, String value) {
        notNull(where, field, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 32 && c != '\t') || c == 127) {
                throw new IllegalArgumentException(where + ": " + field + " must not hold control characters (a line break?), at index " + i);
            }
        }
        return value;
    }
}
