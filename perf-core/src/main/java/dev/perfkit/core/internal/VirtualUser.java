package dev.perfkit.core.internal;

import java.util.concurrent.locks.LockSupport;

/** One virtual user: its session, its thread, and the flags the coordinator uses to stop it. */
final class VirtualUser {

    static final int RUNNING = 0;
    static final int PAUSED = 1;

    final long id;
    final UserTypePlan type;
    final UserSession session;
    volatile Thread thread;
    volatile boolean stopRequested;
    volatile int state = RUNNING;
    volatile boolean finished;
    boolean started;

    VirtualUser(long id, UserTypePlan type, UserSession session) {
        this.id = id;
        this.type = type;
        this.session = session;
    }

    /** Asks the user to stop after its current iteration, waking it if it is pausing. */
    void requestStop() {
        stopRequested = true;
        Thread t = thread;
        if (state == PAUSED && t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Wakes the user if it is pausing, so that it sees that the run is stopping. */
    void wake() {
        Thread t = thread;
        if (state == PAUSED && t != null) {
            LockSupport.unpark(t);
        }
    }

    void interrupt() {
        Thread t = thread;
        if (t != null && !finished) {
            t.interrupt();
        }
    }
}
