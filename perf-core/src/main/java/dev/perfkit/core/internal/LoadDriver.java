package dev.perfkit.core.internal;

/**
 * One load model at work: the closed model's users ({@link ClosedUsers}) or the open model's
 * arrivals ({@link OpenArrivals}). The run's coordinator calls every method from its own thread,
 * except the gauges ({@link #activeUsers()}, {@link #inFlight()}, {@link #iterations()},
 * {@link #dropped()}), which any thread may read.
 */
interface LoadDriver {

    /** Starts generating load; the run started at {@code startNanos}. */
    void start(long startNanos);

    /**
     * Moves the load on, every tick until the run stops.
     *
     * @param elapsedNanos time since the start of the run
     * @return why the load is over (the run then stops gracefully), or null while it goes on
     */
    String tick(long elapsedNanos);

    /** Asks every user or arrival to stop after its current iteration, waking those that wait. */
    void stopAll();

    /** Interrupts every task still running. */
    void interruptAll();

    /** Returns the users, iterations or pacer still running; the run ends when none is left. */
    int liveWork();

    /**
     * Runs what must run after the load has stopped and before the result is built, such as the
     * open model's stop hooks, within {@code graceNanos}.
     */
    void afterStop(long graceNanos) throws InterruptedException;

    /** Returns the virtual users alive now (closed) or the iterations running now (open). */
    int activeUsers();

    /** Returns the iterations running now. */
    int inFlight();

    /** Returns the iterations started so far. */
    long iterations();

    /** Returns the arrivals dropped so far. */
    long dropped();

    /** Returns the most virtual users alive at once. */
    int peakUsers();
}
