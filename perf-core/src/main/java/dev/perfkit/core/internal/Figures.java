package dev.perfkit.core.internal;

import java.util.Locale;

/** Figures as the findings write them: fixed locale, units people read. */
public final class Figures {

    private Figures() {
    }

    /** Formats nanoseconds as milliseconds with one decimal: {@code 12.5 ms}. */
    public static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** Formats seconds with one decimal: {@code 12.0 s}. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** Formats a share 0..1 as a percentage with one decimal: {@code 12.5 %}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** Formats a rate per second with one decimal: {@code 199.5/s}. */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    /** Formats a number with up to one decimal, without a trailing {@code .0}. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Formats bytes in binary units: {@code 512 B}, {@code 12.5 KiB}, {@code 3.2 MiB}, {@code 1.1 GiB}. */
    public static String bytes(double bytes) {
        double abs = Math.abs(bytes);
        if (abs < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        if (abs < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
        }
        if (abs < 1024.0 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
