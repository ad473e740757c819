package dev.perfkit.core.internal;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them, for messages and descriptions. */
public final class Durations {

    private Durations() {
    }

    /**
     * Formats a duration the way people write it: {@code 500ms}, {@code 10s}, {@code 1m30s},
     * {@code 1h}; {@code 0s} for zero.
     *
     * @param d the duration
     * @return the text
     */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (d.isNegative()) {
            sb.append('-');
            d = d.negated();
        }
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        int ms = d.toMillisPart();
        long nanosPart = d.toNanosPart() % 1_000_000;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (s > 0) {
            sb.append(s).append('s');
        }
        if (ms > 0) {
            sb.append(ms).append("ms");
        }
        if (nanosPart > 0) {
            sb.append(nanosPart).append("ns");
        }
        return sb.toString();
    }

    /**
     * Parses a duration written as one or more number-unit pairs ({@code ms}, {@code s}, {@code m},
     * {@code h}), such as {@code 30s}, {@code 1m30s} or {@code 250ms}; a bare number means seconds.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException if the text is not a duration
     */
    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        if (!s.matches("(\\d+(ms|s|m|h))+")) {
            throw new IllegalArgumentException("not a duration: \"" + text + "\" (write 30s, 1m30s, 250ms or 2h)");
        }
        Duration total = Duration.ZERO;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(s);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return total;
    }
}
