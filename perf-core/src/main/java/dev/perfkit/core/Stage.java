package dev.perfkit.core;

import java.time.Duration;

/**
 * One step of a closed-model user profile: move linearly to a number of users over a duration.
 *
 * <pre>{@code
 * UsersProfile.stages(
 *     Stage.rampTo(100).over(Duration.ofMinutes(2)),
 *     Stage.hold(Duration.ofMinutes(10)),
 *     Stage.rampTo(0).over(Duration.ofSeconds(30)));
 * }</pre>
 *
 * <p>{@code rampTo(n)} alone is an incomplete phrase, so it returns a {@link Target} whose
 * {@link Target#over(Duration)} completes it. Values are immutable.
 *
 * @param users    the number of users at the end of the stage, or {@link #KEEP} to keep the previous
 * @param duration how long the stage lasts
 */
public record Stage(int users, Duration duration) {

    /** The {@link #users()} value of a hold stage: keep the number the previous stage ended with. */
    public static final int KEEP = -1;

    /** Validates the components. */
    public Stage {
        if (users < KEEP) {
            throw new IllegalArgumentException("stage: users must be >= 0, was " + users);
        }
        Checks.nonNegative("stage", "duration", duration);
    }

    /**
     * Starts a stage that moves to {@code users} users.
     *
     * @param users the number of users at the end of the stage, {@code >= 0}
     * @return the incomplete stage; complete it with {@link Target#over(Duration)}
     * @throws IllegalArgumentException if {@code users} is negative
     */
    public static Target rampTo(int users) {
        return new Target(Checks.nonNegative("stage.rampTo", "users", users));
    }

    /**
     * Returns a stage that keeps the previous number of users.
     *
     * @param duration how long to hold, {@code >= 0}
     * @return the stage
     */
    public static Stage hold(Duration duration) {
        return new Stage(KEEP, Checks.nonNegative("stage.hold", "duration", duration));
    }

    /**
     * The first half of {@code rampTo(n).over(d)}.
     *
     * @param users the number of users at the end of the stage
     */
    public record Target(int users) {

        /**
         * Completes the stage.
         *
         * @param duration how long the ramp lasts, {@code >= 0}; zero jumps at once
         * @return the stage
         */
        public Stage over(Duration duration) {
            return new Stage(users, Checks.nonNegative("stage.rampTo(" + users + ").over", "duration", duration));
        }
    }
}
