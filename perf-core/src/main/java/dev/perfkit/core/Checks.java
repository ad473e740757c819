package dev.perfkit.core;

import java.time.Duration;
import java.util.Objects;

/** Argument checks whose messages name the place, the field and the bad value. */
final class Checks {

    private Checks() {
    }

    static Duration nonNegative(String where, String field, Duration value) {
        Objects.requireNonNull(value, () -> where + ": " + field + " must not be null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(where + ": " + field + " must be >= 0, was " + format(value));
        }
        return value;
    }

    static Duration positive(String where, String field, Duration value) {
        Objects.requireNonNull(value, () -> where + ": " + field + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(where + ": " + field + " must be > 0, was " + format(value));
        }
        return value;
    }

    static int positive(String where, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(where + ": " + field + " must be > 0, was " + value);
        }
        return value;
    }

    static long positive(String where, String field, long value) {
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

    static double nonNegativeFinite(String where, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException(where + ": " + field + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    static String name(String where, String field, String value) {
        Objects.requireNonNull(value, () -> where + ": " + field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + " must not be blank, was \"" + value + "\"");
        }
        return value;
    }

    static <T> T notNull(String where, String field, T value) {
        return Objects.requireNonNull(value, () -> where + ": " + field + " must not be null");
    }

    /** Formats a duration the way people write it: 500ms, 10s, 1m30s, 1h. */
    static String format(Duration d) {
        return dev.perfkit.core.internal.Durations.format(d);
    }
}
