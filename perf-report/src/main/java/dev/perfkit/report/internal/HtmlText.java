package dev.perfkit.report.internal;

import java.util.Locale;

/**
 * Escaping and number formatting for the HTML report. Every string that comes from the user or
 * from the system under test (sample names, descriptions, failure messages, rule texts, gauge
 * names) goes through {@link #escape}, so that it shows as text and never as markup.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Appends a text, escaped for HTML element content and quoted attribute values: {@code & < > " '}
     * become entities, and control characters other than tab, line feed and carriage return
     * become U+FFFD.
     *
     * @param out  where to append
     * @param text the text; {@code null} appends nothing
     * @return {@code out}
     */
    public static StringBuilder escape(StringBuilder out, String text) {
        if (text == null) {
            return out;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> out.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return out;
    }

    /**
     * Returns a text escaped as by {@link #escape(StringBuilder, String)}.
     *
     * @param text the text; {@code null} gives the empty string
     * @return the escaped text
     */
    public static String escape(String text) {
        return escape(new StringBuilder(text == null ? 0 : text.length() + 16), text).toString();
    }

    /**
     * Formats nanoseconds as milliseconds with a precision that suits the magnitude: two decimals
     * below 10 ms, one below 1 s, none above.
     *
     * @param nanos the time in nanoseconds; NaN gives an em dash
     * @return the milliseconds, without unit
     */
    public static String millis(double nanos) {
        if (Double.isNaN(nanos)) {
            return "\u2014";
        }
        double ms = nanos / 1e6;
        String pattern = ms < 10 ? "%.2f" : ms < 1000 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, ms);
    }

    /**
     * Formats a number compactly for axis ticks and figures: up to three significant digits with
     * a k, M, G or T suffix for large values.
     *
     * @param value the value; NaN gives an em dash
     * @return the formatted number
     */
    public static String compact(double value) {
        if (Double.isNaN(value)) {
            return "\u2014";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221e" : "-\u221e";
        }
        double abs = Math.abs(value);
        String[] suffixes = {"", "k", "M", "G", "T"};
        int s = 0;
        while (abs >= 1000 && s < suffixes.length - 1) {
            abs /= 1000;
            value /= 1000;
            s++;
        }
        String digits;
        if (abs == 0 || abs >= 100) {
            digits = String.format(Locale.ROOT, "%.0f", value);
        } else if (abs >= 10) {
            digits = trim(String.format(Locale.ROOT, "%.1f", value));
        } else if (abs >= 0.01) {
            digits = trim(String.format(Locale.ROOT, "%.2f", value));
        } else {
            digits = String.format(Locale.ROOT, "%.2g", value);
        }
        return digits + suffixes[s];
    }

    /**
     * Formats a number with a fixed number of decimals, in the root locale.
     *
     * @param value    the value; NaN gives an em dash
     * @param decimals the decimals, 0 or more
     * @return the formatted number
     */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "\u2014";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * Appends a coordinate with one decimal, without going through {@code String.format}: the
     * report writes tens of thousands of them.
     *
     * @param out   where to append
     * @param value the coordinate, finite
     * @return {@code out}
     */
    public static StringBuilder coordinate(StringBuilder out, double value) {
        long tenths = Math.round(value * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10);
        long fraction = tenths % 10;
        if (fraction != 0) {
            out.append('.').append(fraction);
        }
        return out;
    }

    private static String trim(String number) {
        if (number.indexOf('.') < 0) {
            return number;
        }
        int end = number.length();
        while (number.charAt(end - 1) == '0') {
            end--;
        }
        if (number.charAt(end - 1) == '.') {
            end--;
        }
        return number.substring(0, end);
    }
}
