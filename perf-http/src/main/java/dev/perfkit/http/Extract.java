package dev.perfkit.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perfkit.core.Session;
import dev.perfkit.core.SessionKey;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Takes a value from a response into a session variable, so that a later request of the same
 * virtual user can use it (correlation): a token from a login, an id from a creation, a CSRF value
 * from a form.
 *
 * <pre>{@code
 * static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);
 * static final SessionKey<Long> ORDER = SessionKey.of("order", Long.class);
 *
 * HttpRequest login = HttpRequest.post("/login").jsonBody(credentials)
 *     .extract(Extract.json("/token").into(TOKEN));
 * HttpRequest order = HttpRequest.post("/orders").header("Authorization", s -> "Bearer " + s.get(TOKEN))
 *     .extract(Extract.header("Location").regex("/orders/(\\d+)").into(ORDER));
 * HttpRequest show = HttpRequest.get("/orders/{order}");   // {order} reads the session variable
 * }</pre>
 *
 * <p>An extraction runs after the checks passed. When it finds nothing, or cannot convert what it
 * found to the key's type, the request fails with {@link HttpFailureCategory#CHECK}, unless the
 * extraction is {@link #optional()}, which then leaves the variable as it was. Values are
 * converted to the key's type: {@link String}, {@link Integer}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link Object} (the text, or for JSON the natural Java value) and, for JSON,
 * {@link JsonNode}. Messages never quote the extracted value.
 *
 * <p>Immutable and thread-safe.
 */
public final class Extract {

    private static final Set<Class<?>> TEXT_TYPES = Set.of(String.class, Integer.class, Long.class, Double.class, Boolean.class, Object.class);

    private final Source source;
    private final SessionKey<?> key;
    private final boolean optional;

    private Extract(Source source, SessionKey<?> key, boolean optional) {
        this.source = source;
        this.key = key;
        this.optional = optional;
    }

    /**
     * Extracts the value at a JSON Pointer of a JSON body.
     *
     * @param pointer an RFC 6901 pointer, such as {@code /token} or {@code /items/0/id}
     * @return the source, to complete with {@link Source#into(SessionKey)}
     * @throws IllegalArgumentException if the pointer is malformed
     */
    public static Source json(String pointer) {
        return new Source("json " + pointer, Check.pointer("extract", pointer), null, null, null, null);
    }

    /**
     * Extracts the first value of a response header.
     *
     * @param name the header name, any case
     * @return the source
     */
    public static Source header(String name) {
        return new Source("header " + name, null, Require.token("extract", "header name", name), null, null, null);
    }

    /**
     * Extracts the first match of a regular expression in the body: its first group if it has
     * one, otherwise the whole match.
     *
     * @param regex the expression
     * @return the source
     * @throws IllegalArgumentException if the expression does not compile
     */
    public static Source regex(String regex) {
        return new Source("body regex \"" + regex + "\"", null, null, null, compile(regex), null);
    }

    /**
     * Extracts the value of a cookie the virtual user holds after the response (set by it or
     * earlier). Needs {@link HttpConfig#cookies()}.
     *
     * @param name the cookie's name
     * @return the source
     */
    public static Source cookie(String name) {
        return new Source("cookie " + name, null, null, Require.notBlank("extract", "cookie name", name), null, null);
    }

    /**
     * Returns an optional copy: finding nothing leaves the variable unchanged instead of failing
     * the request. A value that cannot be converted still fails it.
     *
     * @return the optional extraction
     */
    public Extract optional() {
        return new Extract(source, key, true);
    }

    /** Returns true if finding nothing is allowed. */
    public boolean isOptional() {
        return optional;
    }

    /** Returns the session variable the value goes into. */
    public SessionKey<?> key() {
        return key;
    }

    /** Returns what is extracted, such as {@code extract json /token into 'token'}. */
    public String description() {
        return "extract " + source.description + " into '" + key.name() + "'";
    }

    @Override
    public String toString() {
        return (optional ? "optional " : "") + description();
    }

    /**
     * Applies the extraction.
     *
     * @param r       the response
     * @param session the virtual user's session
     * @param cookies the user's cookies by name
     * @return null on success (or when an optional extraction found nothing), otherwise the failure message
     */
    String apply(HttpResponse r, Session session, Function<String, Optional<String>> cookies) {
        Object found;
        try {
            found = source.find(r, cookies);
        } catch (java.io.UncheckedIOException e) {
            return description() + ": the body is not JSON";
        }
        if (found == null) {
            return optional ? null : description() + ": not found";
        }
        Object value = convert(found, key.type());
        if (value == null) {
            return description() + ": the value found is not a " + key.type().getSimpleName();
        }
        set(session, key, value);
        return null;
    }

    private static <T> void set(Session session, SessionKey<T> key, Object value) {
        session.set(key, key.type().cast(value));
    }

    /** Converts a found String or JsonNode to a type, or returns null if it cannot. */
    private static Object convert(Object found, Class<?> type) {
        if (found instanceof JsonNode node) {
            if (type == JsonNode.class) {
                return node;
            }
            if (type == Object.class) {
                return node.isTextual() ? node.textValue() : node.isBoolean() ? node.booleanValue()
                        : node.isNumber() ? node.numberValue() : node;
            }
            if (type == String.class) {
                return node.isValueNode() ? node.asText() : node.toString();
            }
            if (type == Integer.class) {
                return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : node.isTextual() ? convert(node.textValue(), type) : null;
            }
            if (type == Long.class) {
                return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : node.isTextual() ? convert(node.textValue(), type) : null;
            }
            if (type == Double.class) {
                return node.isNumber() ? node.doubleValue() : node.isTextual() ? convert(node.textValue(), type) : null;
            }
            if (type == Boolean.class) {
                return node.isBoolean() ? node.booleanValue() : node.isTextual() ? convert(node.textValue(), type) : null;
            }
            return null;
        }
        String s = (String) found;
        try {
            if (type == String.class || type == Object.class) {
                return s;
            }
            if (type == Integer.class) {
                return Integer.valueOf(s.trim());
            }
            if (type == Long.class) {
                return Long.valueOf(s.trim());
            }
            if (type == Double.class) {
                return Double.valueOf(s.trim());
            }
            if (type == Boolean.class) {
                String t = s.trim();
                return t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Pattern compile(String regex) {
        Require.notNull("extract", "regex", regex);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("extract: regex is not a regular expression (" + e.getDescription() + "), was \"" + regex + "\"");
        }
    }

    /**
     * Where a value comes from: a JSON pointer, a header, a body regex or a cookie, optionally
     * narrowed by a regex. Complete it with {@link #into(SessionKey)}.
     */
    public static final class Source {
        private final String description;
        private final JsonPointer pointer;
        private final String header;
        private final String cookie;
        private final Pattern pattern;
        private final Pattern narrow;

        private Source(String description, JsonPointer pointer, String header, String cookie, Pattern pattern, Pattern narrow) {
            this.description = description;
            this.pointer = pointer;
            this.header = header;
            this.cookie = cookie;
            this.pattern = pattern;
            this.narrow = narrow;
        }

        /**
         * Narrows a header or cookie value with a regular expression: its first group if it has
         * one, otherwise the whole match; no match is "not found".
         *
         * @param regex the expression
         * @return the narrowed source
         * @throws IllegalArgumentException if the expression does not compile, or the source is JSON or a body regex
         */
        public Source regex(String regex) {
            if (header == null && cookie == null) {
                throw new IllegalArgumentException("extract: " + description + " cannot be narrowed by a regex (only a header or a cookie can)");
            }
            return new Source(description + " regex \"" + regex + "\"", null, header, cookie, null, compile(regex));
        }

        /**
         * Completes the extraction with the session variable to set.
         *
         * @param key the variable; its type is one of those listed in {@link Extract}
         * @param <T> the variable's type
         * @return the extraction
         * @throws IllegalArgumentException if the key's type cannot be extracted into
         */
        public <T> Extract into(SessionKey<T> key) {
            Require.notNull("extract", "key", key);
            boolean json = pointer != null;
            if (!TEXT_TYPES.contains(key.type()) && !(json && key.type() == JsonNode.class)) {
                throw new IllegalArgumentException("extract: " + description + " cannot go into '" + key.name() + "' of type "
                        + key.type().getName() + ": use String, Integer, Long, Double, Boolean, Object" + (json ? " or JsonNode" : ""));
            }
            return new Extract(this, key, false);
        }

        /** Returns the raw value found (a String, or a JsonNode for JSON), or null if none. */
        Object find(HttpResponse r, Function<String, Optional<String>> cookies) {
            if (pointer != null) {
                JsonNode node = r.json().at(pointer);
                return node.isMissingNode() || node.isNull() ? null : node;
            }
            String text;
            if (header != null) {
                text = r.rawHeaders().get(header);
            } else if (cookie != null) {
                text = cookies.apply(cookie).orElse(null);
            } else {
                text = group(pattern.matcher(r.body()));
                return text;
            }
            return text == null || narrow == null ? text : group(narrow.matcher(text));
        }

        private static String group(Matcher m) {
            if (!m.find()) {
                return null;
            }
            return m.groupCount() >= 1 ? m.group(1) : m.group();
        }
    }
}
