package dev.perfkit.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The two kinds of x axis of the report's charts: elapsed time and percentile. */
public enum XAxis {

    /** Seconds since the start of the run, from 0, labelled {@code 0.5s}, {@code 30s}, {@code 5:00} or {@code 1:00:00}. */
    TIME {
        @Override
        double left(double dataMin) {
            return 0;
        }

        @Override
        List<Tick> ticks(double min, double max) {
            double range = max - min;
            double step = range <= 120 ? Ticks.step(range / 6) : minuteStep(range / 6);
            List<Tick> ticks = new ArrayList<>();
            for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
                ticks.add(new Tick(t, timeLabel(t, step, range)));
            }
            return ticks;
        }
    },

    /**
     * Percentiles on the logarithmic scale of HdrHistogram's plots: x is
     * {@code log10(1 / (1 - p))}, so 0 is the 0th percentile, 1 the 90th, 2 the 99th, 3 the 99.9th.
     */
    PERCENTILE {
        @Override
        double left(double dataMin) {
            return 0;
        }

        @Override
        List<Tick> ticks(double min, double max) {
            List<Tick> ticks = new ArrayList<>();
            for (int nines = 0; nines <= (int) Math.floor(max + 1e-9); nines++) {
                ticks.add(new Tick(nines, nines == 0 ? "0%" : percentileLabel(nines)));
            }
            return ticks;
        }
    };

    /** One labelled tick. */
    record Tick(double value, String label) {
    }

    /** Returns the x of the chart's left edge given the smallest x of the data. */
    abstract double left(double dataMin);

    /** Returns the ticks between the chart's edges. */
    abstract List<Tick> ticks(double min, double max);

    /**
     * Returns the x of a percentile on the {@link #PERCENTILE} axis.
     *
     * @param percentile the percentile, 0 to below 100
     * @return {@code log10(100 / (100 - percentile))}
     */
    public static double percentileX(double percentile) {
        return Math.log10(100 / (100 - percentile));
    }

    private static String percentileLabel(int nines) {
        // 90%, 99%, 99.9%, 99.99%, ...
        StringBuilder label = new StringBuilder("99".substring(0, Math.min(2, nines)));
        if (nines == 1) {
            return "90%";
        }
        if (nines > 2) {
            label.append('.').append("9".repeat(nines - 2));
        }
        return label.append('%').toString();
    }

    private static double minuteStep(double rough) {
        double[] steps = {60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
        for (double s : steps) {
            if (s >= rough) {
                return s;
            }
        }
        return Ticks.step(rough / 86400) * 86400;
    }

    private static String timeLabel(double seconds, double step, double range) {
        if (step < 1) {
            return String.format(Locale.ROOT, step < 0.1 ? "%.2fs" : "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (range <= 120) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
