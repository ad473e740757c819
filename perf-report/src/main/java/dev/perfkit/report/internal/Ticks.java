package dev.perfkit.report.internal;

/** Round tick values for an axis that starts at 0: steps of 1, 2 or 5 times a power of ten. */
final class Ticks {

    private static final int TARGET_TICKS = 5;

    private Ticks() {
    }

    /**
     * Returns the ticks from 0 to a round value at or above {@code max}, about five of them.
     *
     * @param max the largest value to show; 0, negative or not finite gives the ticks of 0..1
     * @return the ticks, ascending, the first 0 and the last at least {@code max}
     */
    static double[] nice(double max) {
        if (!(max > 0) || !Double.isFinite(max)) {
            max = 1;
        }
        double step = step(max / TARGET_TICKS);
        int count = (int) Math.ceil(max / step - 1e-9);
        double[] ticks = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    /**
     * Returns the smallest step of 1, 2 or 5 times a power of ten that is at least {@code rough}.
     *
     * @param rough the step wanted, positive and finite
     * @return the round step
     */
    static double step(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
