package dev.perfkit.report.internal;

import java.util.Locale;

/** Number formatting shared by the text reports; always {@link Locale#ROOT}. */
public final class Units {

    private Units() {
    }

    /**
     * Formats nanoseconds as milliseconds with 3 decimals.
     *
     * @param nanos the time in nanoseconds
     * @return for example {@code 12.345}
     */
    public static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /**
     * Formats a number with a fixed count of decimals.
     *
     * @param value    the value; NaN gives an empty text
     * @param decimals the decimals
     * @return the text
     */
    public static String decimal(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * Formats a value of a rule in its unit, for reading: ratios as percentages, times in ms.
     *
     * @param value the value; NaN gives {@code -}
     * @param unit  the rule's unit
     * @return for example {@code 2.50 %} or {@code 180.0 ms}
     */
    public static String ruleValue(double value, String unit) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return switch (unit) {
            case "ratio" -> String.format(Locale.ROOT, "%.2f %%", value * 100);
            case "share" -> String.format(Locale.ROOT, "%.1f %%", value * 100);
            case "count", "bytes" -> String.format(Locale.ROOT, "%.0f %s", value, unit);
            default -> String.format(Locale.ROOT, "%.1f %s", value, unit);
        };
    }
}
