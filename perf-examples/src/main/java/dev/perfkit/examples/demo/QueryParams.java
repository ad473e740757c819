package dev.perfkit.examples.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The query parameters of a request, decoded; the first of repeated names wins. Bad values are 400s. */
final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    static QueryParams parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.putIfAbsent(name, value);
            }
        }
        return new QueryParams(values);
    }

    /** Returns an integer parameter in {@code [min, max]}, or the default when absent. */
    int intValue(String name, int defaultValue, int min, int max) {
        String raw = values.get(name);
        return raw == null ? defaultValue : (int) parseLong(name, raw, min, max);
    }

    /** Returns a required text parameter of {@code minLength} to {@code maxLength} characters, stripped. */
    String text(String name, int minLength, int maxLength) {
        String raw = values.get(name);
        if (raw == null) {
            throw ApiError.badRequest(name + " is required");
        }
        String text = raw.strip();
        if (text.length() < minLength || text.length() > maxLength) {
            throw ApiError.badRequest(name + " must be " + minLength + " to " + maxLength + " characters, was " + text.length());
        }
        return text;
    }

    static long parseLong(String name, String raw, long min, long max) {
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, was \"" + shorten(raw) + "\"");
        }
        if (value < min || value > max) {
            throw ApiError.badRequest(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("malformed query parameter encoding");
        }
    }

    /** Echoes at most 40 characters of bad input back. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
