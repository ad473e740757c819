package dev.perfkit.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A request path with variables in braces, such as {@code /users/{id}/orders/{order}}, parsed
 * once so that expanding it per request is a few appends.
 *
 * <p>A variable's value is percent-encoded as one path segment: a {@code /} in a value becomes
 * {@code %2F} and cannot change the path's shape. The template may be a path relative to a base URL
 * or an absolute {@code http}/{@code https} URL. Immutable and thread-safe.
 */
public final class PathTemplate {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String template;
    private final String[] literals;
    private final String[] variables;

    private PathTemplate(String template, String[] literals, String[] variables) {
        this.template = template;
        this.literals = literals;
        this.variables = variables;
    }

    /**
     * Parses a template.
     *
     * @param where    the place to name in an error message, such as {@code "request[GET /users/{id}]"}
     * @param template the template
     * @return the parsed template
     * @throws IllegalArgumentException if a brace is unbalanced or a variable name is empty or
     *                                  not made of letters, digits, {@code _}, {@code -} and {@code .}
     */
    public static PathTemplate parse(String where, String template) {
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException(where + ": path has a '}' without '{' at index " + i + ", was \"" + template + "\"");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i + 1);
            if (close < 0) {
                throw new IllegalArgumentException(where + ": path has a '{' without '}' at index " + i + ", was \"" + template + "\"");
            }
            String name = template.substring(i + 1, close);
            if (!name.matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException(where + ": path variable names are letters, digits, '_', '-' or '.', was \"{"
                        + name + "}\" in \"" + template + "\"");
            }
            literals.add(literal.toString());
            literal.setLength(0);
            variables.add(name);
            i = close + 1;
        }
        literals.add(literal.toString());
        return new PathTemplate(template, literals.toArray(String[]::new), variables.toArray(String[]::new));
    }

    /** Returns the template as written. */
    public String template() {
        return template;
    }

    /** Returns the variable names in order of appearance; a name may appear twice. */
    public List<String> variables() {
        return List.of(variables);
    }

    /** Returns true if the template has no variable. */
    public boolean isStatic() {
        return variables.length == 0;
    }

    /** Returns true if the template is an absolute URL rather than a path below a base URL. */
    public boolean isAbsolute() {
        return template.regionMatches(true, 0, "http://", 0, 7) || template.regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * Expands the template.
     *
     * @param values the value of each variable by name, not yet encoded
     * @return the path with every variable replaced by its percent-encoded value
     */
    public String expand(Function<String, String> values) {
        if (variables.length == 0) {
            return template;
        }
        StringBuilder sb = new StringBuilder(template.length() + 16 * variables.length);
        for (int i = 0; i < variables.length; i++) {
            sb.append(literals[i]);
            encodeSegment(values.apply(variables[i]), sb);
        }
        return sb.append(literals[variables.length]).toString();
    }

    /**
     * Appends a value percent-encoded as a path segment (RFC 3986 {@code pchar}s are kept, everything
     * else, {@code /} included, is encoded as UTF-8 bytes).
     *
     * @param value the value
     * @param out   where to append
     */
    static void encodeSegment(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isPathChar(c)) {
                out.append(c);
                continue;
            }
            int end = i + 1;
            if (Character.isHighSurrogate(c) && end < value.length() && Character.isLowSurrogate(value.charAt(end))) {
                end++;
            }
            for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
    }

    private static boolean isPathChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return template;
    }
}
