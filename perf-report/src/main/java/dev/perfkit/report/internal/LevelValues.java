package dev.perfkit.report.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of rule files as people write them: {@code 200ms}, {@code 1.5s}, {@code 5%},
 * {@code 500MiB}, {@code 50/s}, or a bare number in the rule's unit. Each parse names what it
 * expected when the text is something else.
 */
final class LevelValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|KiB|MiB|GiB)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/s");

    private LevelValues() {
    }

    /**
     * Parses a level in {@code unit}: a bare number is in the unit itself; a duration converts to
     * milliseconds, a percentage to a ratio, a size to bytes, when the unit takes them.
     *
     * @throws IllegalArgumentException naming the field, the text and the unit
     */
    static double level(String field, String text, String unit) {
        String s = text.trim();
        Double bare = number(s);
        if (bare != null) {
            return bare;
        }
        Matcher m;
        if ((m = DURATION.matcher(s)).matches() && unit.equals("ms")) {
            return toNanos(m) / 1e6;
        }
        if ((m = PERCENT.matcher(s)).matches() && (unit.equals("ratio") || unit.equals("share"))) {
            return Double.parseDouble(m.group(1)) / 100;
        }
        if ((m = BYTES.matcher(s)).matches() && unit.equals("bytes")) {
            return Double.parseDouble(m.group(1)) * bytesPerUnit(m.group(2));
        }
        if ((m = RATE.matcher(s)).matches() && unit.equals("/s")) {
            return Double.parseDouble(m.group(1));
        }
        throw new IllegalArgumentException(field + " \"" + text + "\" is not a level in " + unit + "; write "
                + switch (unit) {
                    case "ms" -> "a duration such as 200ms or 1.5s, or a number of milliseconds";
                    case "ratio", "share" -> "a percentage such as 5%, or a number from 0 to 1";
                    case "bytes" -> "a size such as 500MiB or 2GB, or a number of bytes";
                    case "/s" -> "a rate such as 50/s, or a number per second";
                    default -> "a number";
                });
    }

    /**
     * Parses a duration such as {@code 30s}, {@code 1.5m} or {@code 250ms}.
     *
     * @throws IllegalArgumentException naming the field and the text
     */
    static Duration duration(String field, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(field + " \"" + text + "\" is not a duration; write 30s, 1.5m or 250ms");
        }
        return Duration.ofNanos(toNanos(m));
    }

    private static long toNanos(Matcher m) {
        double v = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Math.round(v * nanosPerUnit);
    }

    private static double bytesPerUnit(String unit) {
        return switch (unit) {
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "KiB" -> 1024.0;
            case "MiB" -> 1024.0 * 1024;
            case "GiB" -> 1024.0 * 1024 * 1024;
            default -> 1;
        };
    }

    private static Double number(String s) {
        if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(s.toLowerCase(Locale.ROOT));
    }
}
