package dev.perfkit.core;

import java.util.Objects;

/**
 * A typed name for a session variable, so that reading a variable needs no cast.
 *
 * <pre>{@code
 * static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);
 * session.set(TOKEN, login(session));
 * String token = session.get(TOKEN);
 * }</pre>
 *
 * <p>Two keys are equal when their names are equal; the type is checked when a value is stored.
 *
 * @param name the variable's name, non-blank
 * @param type the type of the values it holds
 * @param <T>  the type of the values it holds
 */
public record SessionKey<T>(String name, Class<T> type) {

    /** Validates the components. */
    public SessionKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("session key: name must not be blank");
        }
    }

    /**
     * Creates a key.
     *
     * @param name the variable's name, non-blank
     * @param type the type of the values it holds
     * @param <T>  the type of the values it holds
     * @return the key
     */
    public static <T> SessionKey<T> of(String name, Class<T> type) {
        return new SessionKey<>(name, type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKey<?> other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
