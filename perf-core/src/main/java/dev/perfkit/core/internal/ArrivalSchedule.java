package dev.perfkit.core.internal;

import dev.perfkit.core.ArrivalProfile;
import dev.perfkit.core.Shard;

/**
 * The due times of open-model arrivals: arrival {@code k} (from 0) is due at the instant where the
 * integral of the rate reaches {@code k}.
 *
 * <p>The integral advances in steps of {@link #STEP_NANOS}; inside a step the rate is taken as
 * linear between its values at the two ends, and the crossing is solved exactly (a quadratic), so
 * constant and linear stages are scheduled without error. The first arrival is due as soon as the
 * rate is above zero; an arrival due exactly at the end of the profile is not scheduled. A pure
 * function of the profile: tests check it without any clock.
 *
 * <p>For one shard of a split run, the schedule keeps only that shard's arrivals: arrival number
 * {@code k} (1-based) of the whole schedule goes to shard {@code (k-1) mod count}, so the shards'
 * schedules together are the whole schedule, exactly, whatever the rate function.
 */
public final class ArrivalSchedule {

    /** Integrals closer than this to a whole number of arrivals count as not reaching it. */
    private static final double EPSILON = 1e-9;

    /** The integration step: 1 ms. */
    public static final long STEP_NANOS = 1_000_000;

    private final ArrivalProfile profile;
    private final Shard shard;
    private final long endNanos;
    private long stepStart;
    private double rateAtStepStart;
    private double areaBeforeStep;
    private long nextTarget;

    /**
     * Creates the schedule of a profile.
     *
     * @param profile the arrival profile
     */
    public ArrivalSchedule(ArrivalProfile profile) {
        this(profile, Shard.WHOLE);
    }

    /**
     * Creates one shard's part of the schedule of a profile.
     *
     * @param profile the arrival profile of the whole run
     * @param shard   the shard whose arrivals to keep
     */
    public ArrivalSchedule(ArrivalProfile profile, Shard shard) {
        this.profile = profile;
        this.shard = shard;
        this.endNanos = profile.duration().toNanos();
        this.rateAtStepStart = profile.ratePerSecondAt(0);
    }

    /**
     * Returns the due time of the next arrival.
     *
     * @return nanoseconds from the start of the run, or -1 once the profile has ended
     */
    public long next() {
        while (true) {
            long due = nextOfWhole();
            if (due < 0 || shard.owns(nextTarget)) {
                return due;
            }
        }
    }

    /** Returns the next due time of the whole schedule; {@code nextTarget} then counts it from 1. */
    private long nextOfWhole() {
        while (stepStart < endNanos) {
            long stepEnd = Math.min(stepStart + STEP_NANOS, endNanos);
            double dt = (stepEnd - stepStart) / 1e9;
            double r0 = rateAtStepStart;
            double r1 = stepEnd < endNanos ? profile.ratePerSecondAt(stepEnd) : r0;
            double area = (r0 + r1) / 2 * dt;
            double need = nextTarget - areaBeforeStep;
            // Arrival k is due where the integral reaches k. The epsilon keeps rounding drift of the
            // running sum from adding an arrival exactly at the end of the profile.
            boolean dueInStep = need <= 0 ? r0 > 0 : need < area - EPSILON;
            if (dueInStep) {
                nextTarget++;
                return stepStart + Math.min(stepEnd - stepStart - 1, Math.round(solve(r0, r1, dt, need) * 1e9));
            }
            areaBeforeStep += area;
            stepStart = stepEnd;
            rateAtStepStart = r1;
        }
        return -1;
    }

    /** Solves {@code r0*x + (r1-r0)/(2*dt)*x^2 = need} for x in [0, dt]. */
    private static double solve(double r0, double r1, double dt, double need) {
        if (need <= 0) {
            return 0;
        }
        double a = (r1 - r0) / (2 * dt);
        if (Math.abs(a) < 1e-12) {
            return r0 > 0 ? need / r0 : dt;
        }
        double disc = r0 * r0 + 4 * a * need;
        double x = (-r0 + Math.sqrt(Math.max(0, disc))) / (2 * a);
        return Math.max(0, Math.min(dt, x));
    }
}
