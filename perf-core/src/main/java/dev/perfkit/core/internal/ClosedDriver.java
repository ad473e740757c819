package dev.perfkit.core.internal;

import dev.perfkit.core.UsersProfile;

/**
 * Decides, from the elapsed time alone, how many closed-model users to start or stop so that the
 * number running follows the {@link UsersProfile}. It reads no clock: the coordinator passes the
 * time every tick, and tests pass whatever times they like.
 *
 * <p>"Running" counts users started and not asked to stop; a user that ended by itself (its
 * iteration limit) still counts, so it is not replaced.
 */
public final class ClosedDriver {

    private final UsersProfile profile;
    private int running;

    /**
     * Creates a driver for a profile.
     *
     * @param profile the users profile
     */
    public ClosedDriver(UsersProfile profile) {
        this.profile = profile;
    }

    /**
     * Returns the change to make at an elapsed time and assumes it is made.
     *
     * @param elapsedNanos   time since the start of the run
     * @param mayStartUsers  false once no new user may start (the shared iteration limit is used up)
     * @return users to start if positive, newest users to stop if negative
     */
    public int adjust(long elapsedNanos, boolean mayStartUsers) {
        int target = profile.usersAt(elapsedNanos);
        int delta = target - running;
        if (delta > 0 && !mayStartUsers) {
            return 0;
        }
        running = target;
        return delta;
    }

    /** Returns the users started and not asked to stop. */
    public int running() {
        return running;
    }

    /**
     * Returns true once the profile has ended (never for an open-ended profile).
     *
     * @param elapsedNanos time since the start of the run
     * @return whether the load is over
     */
    public boolean ended(long elapsedNanos) {
        return !profile.isOpenEnded() && elapsedNanos >= profile.duration().toNanos();
    }

    /**
     * Returns true once no user will ever be started again, so that a run with iteration limits
     * may end when every user has finished.
     *
     * @param elapsedNanos time since the start of the run
     * @return whether the profile has stopped adding users
     */
    public boolean startsOver(long elapsedNanos) {
        return elapsedNanos >= profile.lastIncreaseEnd().toNanos();
    }
}
