package dev.perfkit.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * A workload: who the virtual users are, what they do, and how the load develops over time.
 *
 * <pre>{@code
 * Scenario shop = Scenario.named("shop")
 *     .users(50).rampUp(Duration.ofSeconds(10)).hold(Duration.ofMinutes(5))
 *     .thinkTime(ThinkTime.uniform(Duration.ofMillis(500), Duration.ofSeconds(2)))
 *     .userType(UserType.named("regular").weight(7)
 *         .task(5, "dashboard", session -> api.dashboard(session))
 *         .task(2, "reports", session -> api.reports(session)))
 *     .userType(UserType.named("admin").weight(1)
 *         .task(1, "create-report", session -> api.createReport(session)));
 * RunResult result = LoadTest.run(shop);
 * }</pre>
 *
 * <h2>Load models</h2>
 * A scenario is either <b>closed</b> ({@link #users(int)}, {@link #stages(Stage...)},
 * {@link #usersProfile(UsersProfile)}): a number of users that loop, or <b>open</b>
 * ({@link #arrivals(ArrivalProfile)}): iterations that arrive on a schedule whatever the target
 * does. Calling a method of one model on a scenario of the other is rejected at once.
 *
 * <h2>Copy-on-write</h2>
 * A scenario is an immutable value. Every method returns a new instance and leaves the receiver
 * unchanged; nothing runs until {@link LoadTest#run(Scenario)}. Every method checks its argument
 * at once and throws {@link IllegalArgumentException} naming the scenario, the field and the value;
 * problems that involve several fields are gathered by {@link #validate()}, which the run calls
 * first.
 *
 * <h2>When a run ends</h2>
 * At the end of the load profile; when iteration limits are used up; at {@link #maxDuration}, a
 * hard stop; when {@link RunHandle#stop()} is called; when a feeder runs out of records; or when a
 * task throws an {@link Error}. In every case the run returns what it measured.
 */
public final class Scenario {

    /** Users run their current iteration to the end for at most this long after the run stops. */
    public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);
    /** The most iterations in flight at once in the open model, unless set. */
    public static final int DEFAULT_MAX_CONCURRENCY = 1000;
    /** The name of the user type that {@link #task(int, String, Task)} adds tasks to. */
    public static final String DEFAULT_USER_TYPE = "default";

    private final String name;
    private final LoadModel model;
    private final int users;
    private final Duration rampUp;
    private final Duration hold;
    private final UsersProfile usersProfile;
    private final ArrivalProfile arrivals;
    private final int maxConcurrency;
    private final Saturation saturation;
    private final List<UserType> userTypes;
    private final ThinkTime thinkTime;
    private final long iterationsPerUser;
    private final long iterations;
    private final Duration maxDuration;
    private final Duration gracefulStop;
    private final Long seed;
    private final Shard shard;

    private Scenario(String name, LoadModel model, int users, Duration rampUp, Duration hold,
                     UsersProfile usersProfile, ArrivalProfile arrivals, int maxConcurrency,
                     Saturation saturation, List<UserType> userTypes, ThinkTime thinkTime, long iterationsPerUser, long iterations,
                     Duration maxDuration, Duration gracefulStop, Long seed, Shard shard) {
        this.name = name;
        this.model = model;
        this.users = users;
        this.rampUp = rampUp;
        this.hold = hold;
        this.usersProfile = usersProfile;
        this.arrivals = arrivals;
        this.maxConcurrency = maxConcurrency;
        this.saturation = saturation;
        this.userTypes = userTypes;
        this.thinkTime = thinkTime;
        this.iterationsPerUser = iterationsPerUser;
        this.iterations = iterations;
        this.maxDuration = maxDuration;
        this.gracefulStop = gracefulStop;
        this.seed = seed;
        this.shard = shard;
    }

    /**
     * Starts a scenario with no load and no users.
     *
     * @param name the scenario's name, non-blank; it prefixes every message about the scenario
     * @return the scenario
     */
    public static Scenario named(String name) {
        return new Scenario(Checks.name("scenario", "name", name), null, 0, Duration.ZERO, null, null, null,
                DEFAULT_MAX_CONCURRENCY, Saturation.DROP, List.of(), ThinkTime.none(), 0, 0, null, DEFAULT_GRACEFUL_STOP, null, Shard.WHOLE);
    }

    private Builder copy() {
        return new Builder(this);
    }

    /** Returns a copy changed by {@code change}, after checking that the field belongs to {@code model}. */
    private Scenario with(LoadModel model, String field, Consumer<Builder> change) {
        requireModel(model, field);
        Builder b = copy();
        b.model = model;
        change.accept(b);
        return b.build();
    }

    /** Returns a copy changed by {@code change}, for fields of both models. */
    private Scenario with(Consumer<Builder> change) {
        Builder b = copy();
        change.accept(b);
        return b.build();
    }

    // ---------------------------------------------------------------- closed model

    /**
     * Runs {@code users} concurrent virtual users (closed model). Combine with {@link #rampUp} and
     * {@link #hold}; without a hold, users run until an iteration limit or {@link #maxDuration}.
     *
     * @param users the number of users, {@code > 0}
     * @return the new scenario
     */
    public Scenario users(int users) {
        Checks.positive(name, "users", users);
        return withRampHold("users", b -> b.users = users);
    }

    /**
     * Starts the users evenly over {@code rampUp} instead of all at once.
     *
     * @param rampUp the ramp duration, {@code >= 0}
     * @return the new scenario
     */
    public Scenario rampUp(Duration rampUp) {
        Checks.nonNegative(name, "rampUp", rampUp);
        return withRampHold("rampUp", b -> b.rampUp = rampUp);
    }

    /**
     * Keeps all users running for {@code hold} after the ramp-up, then stops the run.
     *
     * @param hold the hold duration, {@code >= 0}
     * @return the new scenario
     */
    public Scenario hold(Duration hold) {
        Checks.nonNegative(name, "hold", hold);
        return withRampHold("hold", b -> b.hold = hold);
    }

    /**
     * Applies a standard load: its users, ramp-up and hold. Later calls override them.
     *
     * @param preset the preset
     * @return the new scenario
     */
    public Scenario preset(Preset preset) {
        Checks.notNull(name, "preset", preset);
        return withRampHold("preset", b -> {
            b.users = preset.users();
            b.rampUp = preset.rampUp();
            b.hold = preset.hold();
        });
    }

    /**
     * Runs a list of stages from 0 users (closed model), replacing users, ramp-up and hold.
     *
     * @param stages the stages
     * @return the new scenario
     * @throws IllegalArgumentException if the list is empty, asks for no user or never ends
     */
    public Scenario stages(Stage... stages) {
        UsersProfile profile;
        try {
            profile = UsersProfile.stages(stages);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "/" + e.getMessage(), e);
        }
        return usersProfile(profile);
    }

    /**
     * Runs users following any function of elapsed time (closed model).
     *
     * @param duration how long the load lasts
     * @param users    the number of users wanted at an elapsed time
     * @return the new scenario
     */
    public Scenario usersProfile(Duration duration, ToIntFunction<Duration> users) {
        UsersProfile profile;
        try {
            profile = UsersProfile.of(duration, users);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "/" + e.getMessage(), e);
        }
        return usersProfile(profile);
    }

    /**
     * Runs users following a profile (closed model), replacing users, ramp-up and hold.
     *
     * @param profile the profile
     * @return the new scenario
     */
    public Scenario usersProfile(UsersProfile profile) {
        Checks.notNull(name, "usersProfile", profile);
        requireModel(LoadModel.CLOSED, "usersProfile");
        if (users != 0) {
            throw new IllegalArgumentException(name + ": usersProfile/stages cannot be combined with users(" + users
                    + "): the profile sets the users");
        }
        return with(LoadModel.CLOSED, "usersProfile", b -> b.usersProfile = profile);
    }

    private Scenario withRampHold(String field, Consumer<Builder> change) {
        requireModel(LoadModel.CLOSED, field);
        if (usersProfile != null) {
            throw new IllegalArgumentException(name + ": " + field
                    + " cannot be combined with stages/usersProfile: the profile sets the users");
        }
        return with(LoadModel.CLOSED, field, change);
    }

    /**
     * Stops each virtual user after {@code iterations} iterations (closed model).
     *
     * @param iterations the iterations per user, {@code > 0}
     * @return the new scenario
     */
    public Scenario iterationsPerUser(long iterations) {
        Checks.positive(name, "iterationsPerUser", iterations);
        return with(LoadModel.CLOSED, "iterationsPerUser", b -> b.iterationsPerUser = iterations);
    }

    /**
     * Sets the think time between iterations of each user (closed model).
     *
     * @param thinkTime the think time
     * @return the new scenario
     */
    public Scenario thinkTime(ThinkTime thinkTime) {
        Checks.notNull(name, "thinkTime", thinkTime);
        return with(LoadModel.CLOSED, "thinkTime", b -> b.thinkTime = thinkTime);
    }

    // ---------------------------------------------------------------- open model

    /**
     * Starts iterations on an arrival schedule (open model).
     *
     * @param arrivals the arrival-rate profile
     * @return the new scenario
     */
    public Scenario arrivals(ArrivalProfile arrivals) {
        Checks.notNull(name, "arrivals", arrivals);
        return with(LoadModel.OPEN, "arrivals", b -> b.arrivals = arrivals);
    }

    /**
     * Caps the iterations in flight at once (open model); an arrival that finds the cap reached is
     * counted as dropped. Default {@value #DEFAULT_MAX_CONCURRENCY}.
     *
     * @param maxConcurrency the cap, {@code > 0}
     * @return the new scenario
     */
    public Scenario maxConcurrency(int maxConcurrency) {
        Checks.positive(name, "maxConcurrency", maxConcurrency);
        return with(LoadModel.OPEN, "maxConcurrency", b -> b.maxConcurrency = maxConcurrency);
    }

    /**
     * Sets what happens to an arrival that finds the concurrency cap reached (open model): dropped
     * (default) or queued until a slot frees. See {@link Saturation}.
     *
     * @param saturation the policy
     * @return the new scenario
     */
    public Scenario saturation(Saturation saturation) {
        Checks.notNull(name, "saturation", saturation);
        return with(LoadModel.OPEN, "saturation", b -> b.saturation = saturation);
    }

    private void requireModel(LoadModel wanted, String field) {
        if (model != null && model != wanted) {
            throw new IllegalArgumentException(name + ": " + field + " belongs to the " + wanted.name().toLowerCase()
                    + " model, but the scenario is " + model.name().toLowerCase()
                    + ": a scenario is either closed (users) or open (arrivals)");
        }
    }

    // ---------------------------------------------------------------- both models

    /**
     * Adds a user type. With several, each new virtual user gets a type in proportion to the weights.
     *
     * @param userType the user type, with at least one task or step; names are unique per scenario
     * @return the new scenario
     */
    public Scenario userType(UserType userType) {
        Checks.notNull(name, "userType", userType);
        String at = name + "/userType[" + userType.name() + "]";
        if (userType.tasks().isEmpty()) {
            throw new IllegalArgumentException(at + ": must have at least one task or step");
        }
        for (UserType t : userTypes) {
            if (t.name().equals(userType.name())) {
                throw new IllegalArgumentException(at + ": user type names must be unique, was \""
                        + userType.name() + "\" twice");
            }
        }
        List<UserType> copy = new ArrayList<>(userTypes);
        copy.add(userType);
        return with(b -> b.userTypes = Collections.unmodifiableList(copy));
    }

    /**
     * Adds a weighted task to the user type named {@value #DEFAULT_USER_TYPE}, for scenarios with a
     * single kind of user.
     *
     * @param weight   the task's weight, {@code > 0}
     * @param taskName the sample name of the task
     * @param task     the work
     * @return the new scenario
     */
    public Scenario task(int weight, String taskName, Task task) {
        UserType existing = null;
        for (UserType t : userTypes) {
            if (t.name().equals(DEFAULT_USER_TYPE)) {
                existing = t;
            }
        }
        UserType base = existing == null ? UserType.named(DEFAULT_USER_TYPE) : existing;
        UserType updated;
        try {
            updated = base.task(weight, taskName, task);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "/" + e.getMessage(), e);
        }
        List<UserType> copy = new ArrayList<>(userTypes);
        if (existing == null) {
            copy.add(updated);
        } else {
            copy.set(userTypes.indexOf(existing), updated);
        }
        return with(b -> b.userTypes = Collections.unmodifiableList(copy));
    }

    /**
     * Ends the run after {@code iterations} iterations in total, shared by all users.
     *
     * @param iterations the iterations, {@code > 0}
     * @return the new scenario
     */
    public Scenario iterations(long iterations) {
        Checks.positive(name, "iterations", iterations);
        return with(b -> b.iterations = iterations);
    }

    /**
     * Stops the run hard after {@code maxDuration}, whatever the profile says: in-flight tasks are
     * interrupted at once and recorded as failures of category {@code interrupted}.
     *
     * @param maxDuration the limit, {@code > 0}
     * @return the new scenario
     */
    public Scenario maxDuration(Duration maxDuration) {
        Checks.positive(name, "maxDuration", maxDuration);
        return with(b -> b.maxDuration = maxDuration);
    }

    /**
     * Sets how long in-flight iterations may run on after the run stops (at the end of the profile
     * or on {@link RunHandle#stop()}); then they are interrupted. Default 30 s.
     *
     * @param gracefulStop the deadline, {@code >= 0}
     * @return the new scenario
     */
    public Scenario gracefulStop(Duration gracefulStop) {
        Checks.nonNegative(name, "gracefulStop", gracefulStop);
        return with(b -> b.gracefulStop = gracefulStop);
    }

    /**
     * Seeds every random choice of the run: user types, task picks, think times. The same seed
     * gives the same choices per virtual user. Without a seed, the run picks one and reports it in
     * {@link RunResult#seed()}.
     *
     * @param seed the seed
     * @return the new scenario
     */
    public Scenario seed(long seed) {
        return with(b -> b.seed = seed);
    }

    /**
     * Returns this scenario's part for one shard of a run split over {@code shard.count()}
     * processes or machines that all run the same scenario, each with its own index.
     *
     * <ul>
     *   <li><b>Users</b> (closed model): user number {@code k} of the whole run, in the order one
     *       machine would start them, runs on shard {@code (k-1) mod count}; the shards' users add
     *       up to the whole at every instant and a ramp adds them in the same order (see
     *       {@link UsersProfile#shard(Shard)}). Each user gets the user type it would get on one
     *       machine. {@link #iterationsPerUser} stays per user.</li>
     *   <li><b>Arrivals</b> (open model): arrival number {@code k} of the whole schedule happens on
     *       shard {@code (k-1) mod count}, so the shards' arrivals together are the whole schedule,
     *       exactly, at any rate. {@link #maxConcurrency} stays per shard.</li>
     *   <li><b>Shared iteration limit</b>: {@link #iterations} becomes the shard's share,
     *       {@link Shard#shareOf(long)}: the shares add up to the limit.</li>
     *   <li><b>Seed</b>: if set, replaced by {@link Shard#seed(long)}, distinct per shard.</li>
     *   <li><b>Feeders</b> are the tasks' own objects: wrap them with {@link Shard#feeder(Feeder)}.</li>
     * </ul>
     * The name, the durations and everything else stay as they are. {@code shard(Shard.WHOLE)}
     * returns the scenario unchanged. Call it last: a later {@link #iterations} or {@link #seed}
     * sets the shard's own value, not the whole run's. See docs/distributed.md.
     *
     * @param shard the shard to run
     * @return the shard's scenario
     * @throws IllegalArgumentException if this scenario is already a shard, or its shared iteration
     *         limit is smaller than the number of shards (a shard would get no iteration)
     */
    public Scenario shard(Shard shard) {
        Checks.notNull(name, "shard", shard);
        if (this.shard.count() > 1) {
            throw new IllegalArgumentException(name + ": shard: the scenario is already shard " + this.shard
                    + ", was split again into " + shard);
        }
        if (shard.count() == 1) {
            return this;
        }
        if (iterations > 0 && iterations < shard.count()) {
            throw new IllegalArgumentException(name + ": shard: iterations must be >= the shard count " + shard.count()
                    + " so that every shard gets one, was " + iterations);
        }
        return with(b -> {
            b.shard = shard;
            b.iterations = shard.shareOf(iterations);
            b.seed = seed == null ? null : shard.seed(seed);
        });
    }

    /**
     * Checks what single methods cannot: that a load and at least one user type are defined and
     * that the run ends. Gathers every problem into one message.
     *
     * @return this scenario
     * @throws IllegalArgumentException listing every problem found
     */
    public Scenario validate() {
        List<String> problems = new ArrayList<>();
        if (model == null) {
            problems.add("no load defined: call users(..), stages(..), usersProfile(..) or arrivals(..)");
        } else if (model == LoadModel.CLOSED && usersProfile == null && users == 0) {
            problems.add("closed-model settings (rampUp, hold, thinkTime, iterationsPerUser) need users(..), stages(..) or usersProfile(..)");
        } else if (model == LoadModel.OPEN && arrivals == null) {
            problems.add("maxConcurrency/saturation need arrivals(..)");
        }
        if (userTypes.isEmpty()) {
            problems.add("no user type: add userType(..) or task(..)");
        }
        if (model == LoadModel.CLOSED && usersProfile == null && users > 0 && hold == null
                && iterationsPerUser == 0 && iterations == 0 && maxDuration == null) {
            problems.add("the run never ends: set hold(..), iterationsPerUser(..), iterations(..) or maxDuration(..)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + String.join("; ", problems));
        }
        return this;
    }

    // ---------------------------------------------------------------- accessors

    /** Returns the name. */
    public String name() {
        return name;
    }

    /** Returns the load model, or null if no load is defined yet. */
    public LoadModel model() {
        return model;
    }

    /**
     * Returns the closed-model users profile, from {@link #users}/{@link #rampUp}/{@link #hold} or
     * from {@link #stages}; null for the open model. For a shard ({@link #shard(Shard)}), the
     * shard's part of it.
     */
    public UsersProfile closedProfile() {
        if (model != LoadModel.CLOSED) {
            return null;
        }
        UsersProfile whole = usersProfile != null ? usersProfile : UsersProfile.rampHold(users, rampUp, hold);
        return whole.shard(shard);
    }

    /**
     * Returns the open-model arrival profile, or null for the closed model. For a shard, still the
     * whole run's profile: the engine keeps the shard's arrivals of its schedule.
     */
    public ArrivalProfile arrivalProfile() {
        return arrivals;
    }

    /** Returns the open model's concurrency cap. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Returns what the open model does with an arrival at the concurrency cap. */
    public Saturation saturation() {
        return saturation;
    }

    /** Returns the user types in the order they were added. */
    public List<UserType> userTypes() {
        return userTypes;
    }

    /** Returns the think time. */
    public ThinkTime thinkTime() {
        return thinkTime;
    }

    /** Returns the iterations per user, 0 for no limit. */
    public long iterationsPerUser() {
        return iterationsPerUser;
    }

    /** Returns the shared iteration limit, 0 for no limit. */
    public long iterations() {
        return iterations;
    }

    /** Returns the hard stop, if set. */
    public java.util.Optional<Duration> maxDuration() {
        return java.util.Optional.ofNullable(maxDuration);
    }

    /** Returns the graceful-stop deadline. */
    public Duration gracefulStop() {
        return gracefulStop;
    }

    /** Returns the seed, if set; otherwise the run picks one. */
    public java.util.OptionalLong seed() {
        return seed == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(seed);
    }

    /** Returns which part of a split run this scenario is, {@link Shard#WHOLE} unless {@link #shard(Shard)} was called. */
    public Shard shard() {
        return shard;
    }

    /** Returns a one-line description: model, load, think time, user types and limits. */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(": ");
        if (model == LoadModel.CLOSED && (usersProfile != null || users > 0)) {
            sb.append("closed, ").append(closedProfile());
            if (!(thinkTime instanceof ThinkTime.None)) {
                sb.append(", think time ").append(thinkTime);
            }
        } else if (model == LoadModel.OPEN && arrivals != null) {
            sb.append("open, arrivals ").append(arrivals).append(", max concurrency ").append(maxConcurrency)
                    .append(saturation == Saturation.QUEUE ? ", queue when saturated" : "");
        } else {
            sb.append("no load");
        }
        if (iterationsPerUser > 0) {
            sb.append(", ").append(iterationsPerUser).append(" iterations per user");
        }
        if (iterations > 0) {
            sb.append(", ").append(iterations).append(" iterations in total");
        }
        if (maxDuration != null) {
            sb.append(", at most ").append(Checks.format(maxDuration));
        }
        if (shard.count() > 1) {
            sb.append(", shard ").append(shard);
        }
        sb.append("; user types");
        for (UserType t : userTypes) {
            sb.append(' ').append(t.name()).append('(').append(t.weight()).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static final class Builder {
        private final String name;
        private LoadModel model;
        private int users;
        private Duration rampUp;
        private Duration hold;
        private UsersProfile usersProfile;
        private ArrivalProfile arrivals;
        private int maxConcurrency;
        private Saturation saturation;
        private List<UserType> userTypes;
        private ThinkTime thinkTime;
        private long iterationsPerUser;
        private long iterations;
        private Duration maxDuration;
        private Duration gracefulStop;
        private Long seed;
        private Shard shard;

        Builder(Scenario s) {
            name = s.name;
            model = s.model;
            users = s.users;
            rampUp = s.rampUp;
            hold = s.hold;
            usersProfile = s.usersProfile;
            arrivals = s.arrivals;
            maxConcurrency = s.maxConcurrency;
            saturation = s.saturation;
            userTypes = s.userTypes;
            thinkTime = s.thinkTime;
            iterationsPerUser = s.iterationsPerUser;
            iterations = s.iterations;
            maxDuration = s.maxDuration;
            gracefulStop = s.gracefulStop;
            seed = s.seed;
            shard = s.shard;
        }

        Scenario build() {
            return new Scenario(name, model, users, Objects.requireNonNull(rampUp), hold, usersProfile, arrivals,
                    maxConcurrency, saturation, userTypes, thinkTime, iterationsPerUser, iterations, maxDuration, gracefulStop, seed, shard);
        }
    }
}
