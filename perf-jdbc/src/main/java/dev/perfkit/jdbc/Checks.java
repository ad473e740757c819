package dev.perfkit.jdbc;

import java.time.Duration;
import java.util.Objects;

/** Argument checks whose messages name the place, the field and the bad value. */
final class Checks {

    private Checks() {
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

    static Duration positive(String where, String field, Duration value) {
        Objects.requireNonNull(value, () -> where + ": " + field + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(where + ": " + field + " must be > 0, was " + value.toMillis() + "ms");
        }
        return value;
    }

    /** A JDBC query timeout: whole seconds, at least one. */
    static Duration queryTimeout(String where, Duration value) {
        Objects.requireNonNull(value, () -> where + ": queryTimeout must not be null");
        if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.toNanosPart() != 0) {
            throw new IllegalArgumentException(where + ": queryTimeout must be whole seconds >= 1s (JDBC counts in seconds), was "
                    + value.toMillis() + "ms");
        }
        return value;
    }
}
