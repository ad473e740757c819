package dev.perfkit.core.internal;

import java.time.Duration;

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
}
