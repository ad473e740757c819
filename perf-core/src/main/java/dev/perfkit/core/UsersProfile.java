package dev.perfkit.core;

import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * How many virtual users a closed-model scenario runs at each moment.
 *
 * <p>A profile is a function from the time elapsed since the start of the run to a number of users,
 * and a duration after which the load ends. Between stages the number moves linearly, as in k6's
 * ramping stages: user number {@code k} of a ramp from 0 to {@code n} over {@code d} starts at
 * {@code k * d / n}. When the number falls, the newest users finish their current iteration and
 * stop.
 *
 * <p>A profile may be open-ended ({@link #isOpenEnded()}): it then holds its last number of users
 * until an iteration limit or {@link Scenario#maxDuration(Duration)} ends the run.
 *
 * <p>Values are immutable and thread-safe.
 */
public final class UsersProfile {

    /** The longest profile accepted; anything longer is taken as a profile that never ends. */
    public static final Duration LONGEST = Duration.ofDays(365);

    private final long durationNanos;
    private final boolean openEnded;
    private final long[] stageEnds;
    private final int[] stageStartUsers;
    private final int[] stageEndUsers;
    private final ToIntFunction<Duration> function;
    private final int peakUsers;
    private final String description;
    /** For a shard's profile: the whole profile it is a part of, else null. */
    private final UsersProfile whole;
    private final Shard shard;

    private UsersProfile(long durationNanos, boolean openEnded, long[] stageEnds, int[] startUsers,
                         int[] endUsers, ToIntFunction<Duration> function, int peakUsers, String description) {
        this(durationNanos, openEnded, stageEnds, startUsers, endUsers, function, peakUsers, description, null, null);
    }

    private UsersProfile(long durationNanos, boolean openEnded, long[] stageEnds, int[] startUsers,
                         int[] endUsers, ToIntFunction<Duration> function, int peakUsers, String description,
                         UsersProfile whole, Shard shard) {
        this.whole = whole;
        this.shard = shard;
        this.durationNanos = durationNanos;
        this.openEnded = openEnded;
        this.stageEnds = stageEnds;
        this.stageStartUsers = startUsers;
        this.stageEndUsers = endUsers;
        this.function = function;
        this.peakUsers = peakUsers;
        this.description = description;
    }

    /**
     * Ramps linearly from 0 to {@code users} over {@code rampUp}, then holds.
     *
     * @param users  the number of users, {@code > 0}
     * @param rampUp the ramp duration, {@code >= 0}
     * @param hold   how long to hold after the ramp, {@code >= 0}; null holds until an iteration
     *               limit or the maximum duration ends the run
     * @return the profile
     * @throws IllegalArgumentException on a non-positive user count or a negative duration
     */
    public static UsersProfile rampHold(int users, Duration rampUp, Duration hold) {
        Checks.positive("usersProfile.rampHold", "users", users);
        Checks.nonNegative("usersProfile.rampHold", "rampUp", rampUp);
        if (hold != null) {
            Checks.nonNegative("usersProfile.rampHold", "hold", hold);
        }
        String text = users + " users, ramp " + Checks.format(rampUp)
                + (hold == null ? ", hold until iteration limits" : ", hold " + Checks.format(hold));
        Duration holdOrZero = hold == null ? Duration.ZERO : hold;
        return fromStages(List.of(Stage.rampTo(users).over(rampUp), Stage.hold(holdOrZero)), hold == null, text);
    }

    /**
     * Runs a list of stages, starting from 0 users.
     *
     * @param stages the stages, at least one; their total must not exceed {@link #LONGEST}
     * @return the profile
     * @throws IllegalArgumentException if the list is empty, never reaches a user, or never ends
     */
    public static UsersProfile stages(Stage... stages) {
        Checks.notNull("stages", "stages", stages);
        if (stages.length == 0) {
            throw new IllegalArgumentException("stages: must not be empty");
        }
        StringBuilder text = new StringBuilder("stages");
        int current = 0;
        for (int i = 0; i < stages.length; i++) {
            Stage s = Checks.notNull("stages", "stage[" + i + "]", stages[i]);
            int to = s.users() == Stage.KEEP ? current : s.users();
            text.append(i == 0 ? " " : ", ").append(s.users() == Stage.KEEP ? "hold" : "to " + to)
                    .append(" over ").append(Checks.format(s.duration()));
            current = to;
        }
        return fromStages(List.of(stages), false, text.toString());
    }

    /**
     * A profile given as any function of the elapsed time. Negative values count as 0.
     *
     * @param duration how long the load lasts, {@code > 0} and at most {@link #LONGEST}
     * @param users    the number of users at an elapsed time; called often, keep it cheap and pure
     * @return the profile
     * @throws IllegalArgumentException if {@code duration} is not positive or never ends
     */
    public static UsersProfile of(Duration duration, ToIntFunction<Duration> users) {
        Checks.positive("usersProfile", "duration", duration);
        Checks.notNull("usersProfile", "users", users);
        checkEnds("usersProfile", duration);
        int peak = 0;
        long step = Math.max(1, duration.toNanos() / 1000);
        for (long t = 0; t <= duration.toNanos(); t += step) {
            peak = Math.max(peak, users.applyAsInt(Duration.ofNanos(t)));
        }
        if (peak <= 0) {
            throw new IllegalArgumentException("usersProfile: the function never asks for a user over " + Checks.format(duration));
        }
        return new UsersProfile(duration.toNanos(), false, null, null, null, users, peak,
                "function over " + Checks.format(duration) + ", peak " + peak + " users");
    }

    private static UsersProfile fromStages(List<Stage> stages, boolean openEnded, String text) {
        int n = stages.size();
        long[] ends = new long[n];
        int[] from = new int[n];
        int[] to = new int[n];
        Duration total = Duration.ZERO;
        int current = 0;
        int peak = 0;
        for (int i = 0; i < n; i++) {
            Stage s = stages.get(i);
            total = total.plus(s.duration());
            checkEnds("stages", total);
            from[i] = current;
            to[i] = s.users() == Stage.KEEP ? current : s.users();
            ends[i] = total.toNanos();
            current = to[i];
            peak = Math.max(peak, current);
        }
        if (peak == 0) {
            throw new IllegalArgumentException("stages: never ask for a user (all targets are 0)");
        }
        if (total.isZero() && !openEnded) {
            throw new IllegalArgumentException("stages: total duration must be > 0, was 0s");
        }
        return new UsersProfile(total.toNanos(), openEnded, ends, from, to, null, peak, text);
    }

    private static void checkEnds(String where, Duration total) {
        if (total.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(where + ": never ends: total duration must be at most "
                    + LONGEST.toDays() + " days, was " + Checks.format(total));
        }
    }

    /**
     * Returns the number of users wanted at an elapsed time.
     *
     * @param elapsedNanos nanoseconds since the start of the run, {@code >= 0}
     * @return the number of users, {@code >= 0}; after the end, the last stage's number
     */
    public int usersAt(long elapsedNanos) {
        if (whole != null) {
            return (int) shard.shareOf(whole.usersAt(elapsedNanos));
        }
        if (function != null) {
            return Math.max(0, function.applyAsInt(Duration.ofNanos(Math.min(elapsedNanos, durationNanos))));
        }
        long stageStart = 0;
        for (int i = 0; i < stageEnds.length; i++) {
            if (elapsedNanos < stageEnds[i]) {
                long length = stageEnds[i] - stageStart;
                long into = elapsedNanos - stageStart;
                int a = stageStartUsers[i];
                int b = stageEndUsers[i];
                // Linear, rounded toward the stage's start value, exact at both ends.
                long delta = (long) ((double) (b - a) * into / length);
                return (int) (a + delta);
            }
            stageStart = stageEnds[i];
        }
        return stageEndUsers[stageEndUsers.length - 1];
    }

    /**
     * Returns the end of the last stage that adds users: after it, no new user starts, so a run
     * with iteration limits may end as soon as every user has finished. For a function profile,
     * its whole duration.
     */
    public Duration lastIncreaseEnd() {
        if (whole != null) {
            return whole.lastIncreaseEnd();
        }
        if (function != null) {
            return Duration.ofNanos(durationNanos);
        }
        long end = 0;
        for (int i = 0; i < stageEnds.length; i++) {
            if (stageEndUsers[i] > stageStartUsers[i]) {
                end = stageEnds[i];
            }
        }
        return Duration.ofNanos(end);
    }

    /**
     * Returns this profile's part for one shard of a split run: user number {@code k} of this
     * profile (1-based, in the order one machine would start them) belongs to shard
     * {@code (k-1) mod count}, so the shard's {@code usersAt(t)} is the number of such {@code k} up
     * to this profile's {@code usersAt(t)}. At every instant the shards' users add up to this
     * profile's exactly (10 users over 3 shards: 4 + 3 + 3), a ramp adds users in the same order,
     * and a shard may have no user at all when the profile asks for fewer users than shards. The
     * part keeps this profile's duration and open end.
     *
     * @param shard the shard
     * @return the shard's profile; this profile for {@link Shard#WHOLE}
     */
    public UsersProfile shard(Shard shard) {
        Checks.notNull("usersProfile", "shard", shard);
        if (shard.count() == 1) {
            return this;
        }
        return new UsersProfile(durationNanos, openEnded, null, null, null, null, (int) shard.shareOf(peakUsers),
                description + ", shard " + shard + " (users k with (k-1) mod " + shard.count() + " = " + shard.index() + ")",
                this, shard);
    }

    /** Returns the most users the profile ever asks for. */
    public int peakUsers() {
        return peakUsers;
    }

    /**
     * Returns how long the profile lasts; for an open-ended profile, the time until it reaches its
     * last number of users.
     */
    public Duration duration() {
        return Duration.ofNanos(durationNanos);
    }

    /** Returns true if the profile holds its last number until iteration limits end the run. */
    public boolean isOpenEnded() {
        return openEnded;
    }

    @Override
    public String toString() {
        return description;
    }
}
