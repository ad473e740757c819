package dev.perfkit.examples.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of a {@link DemoSystem}: the size of its data, the seed, its connection pool, the
 * simulated cost of a database round trip, and the {@link DemoIssue issues} planted on purpose.
 *
 * <pre>{@code
 * DemoOptions options = DemoOptions.custom()
 *     .users(5_000).reports(20_000)
 *     .plant(DemoIssue.SLOW_QUERY, DemoIssue.N_PLUS_ONE)
 *     .build();
 * }</pre>
 *
 * <p>An immutable value: {@link #custom()} starts a builder with the defaults (named constants
 * here), {@link #toBuilder()} a modified copy. Bad values are rejected where they are given with an
 * {@link IllegalArgumentException} naming the field and the value.
 */
public final class DemoOptions {

    /** Users generated at start unless set. */
    public static final int DEFAULT_USERS = 1_000;
    /** Reports generated at start unless set. */
    public static final int DEFAULT_REPORTS = 500;
    /** The seed of the generated data and of the token key unless set. */
    public static final long DEFAULT_SEED = 42;
    /** Connections in the pool unless set. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** The pool size that {@link DemoIssue#SMALL_POOL} imposes. */
    public static final int SMALL_POOL_SIZE = 2;
    /** The simulated network round trip per SQL statement unless set. */
    public static final Duration DEFAULT_DB_ROUND_TRIP = Duration.ofMillis(1);
    /** The largest round trip accepted, so that a typo cannot stall the system. */
    public static final Duration MAX_DB_ROUND_TRIP = Duration.ofSeconds(1);

    private static final DemoOptions DEFAULTS = custom().build();

    private final int users;
    private final int reports;
    private final long seed;
    private final int poolSize;
    private final Duration dbRoundTrip;
    private final int port;
    private final Set<DemoIssue> issues;

    private DemoOptions(Builder b) {
        this.users = b.users;
        this.reports = b.reports;
        this.seed = b.seed;
        this.poolSize = b.poolSize;
        this.dbRoundTrip = b.dbRoundTrip;
        this.port = b.port;
        this.issues = b.issues.isEmpty() ? Set.of() : Set.copyOf(b.issues);
    }

    /** Returns the defaults: 1,000 users, 500 reports, seed 42, a pool of 10, 1 ms round trips, a free port, no issue. */
    public static DemoOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a builder with the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder().users(users).reports(reports).seed(seed).poolSize(poolSize).dbRoundTrip(dbRoundTrip).port(port);
        b.issues.addAll(issues);
        return b;
    }

    /** Returns the number of users generated at start. */
    public int users() {
        return users;
    }

    /** Returns the number of reports generated at start. */
    public int reports() {
        return reports;
    }

    /** Returns the seed of the data and of the token key. */
    public long seed() {
        return seed;
    }

    /** Returns the pool size asked for; the pool has {@link #SMALL_POOL_SIZE} when {@link DemoIssue#SMALL_POOL} is planted. */
    public int poolSize() {
        return poolSize;
    }

    /** Returns the pool size the system runs with, after {@link DemoIssue#SMALL_POOL}. */
    public int effectivePoolSize() {
        return issues.contains(DemoIssue.SMALL_POOL) ? SMALL_POOL_SIZE : poolSize;
    }

    /** Returns the simulated network round trip added to every SQL statement. */
    public Duration dbRoundTrip() {
        return dbRoundTrip;
    }

    /** Returns the loopback port to listen on; 0 for a free one. */
    public int port() {
        return port;
    }

    /** Returns the planted issues (an unmodifiable set, empty by default). */
    public Set<DemoIssue> issues() {
        return issues;
    }

    /** Returns whether an issue is planted. */
    public boolean planted(DemoIssue issue) {
        return issues.contains(issue);
    }

    @Override
    public String toString() {
        return "DemoOptions[users=" + users + ", reports=" + reports + ", seed=" + seed + ", poolSize=" + poolSize
                + ", dbRoundTrip=" + dbRoundTrip + ", port=" + port + ", issues=" + (issues.isEmpty() ? "[]" : EnumSet.copyOf(issues)) + "]";
    }

    /** Builds {@link DemoOptions}. Not thread-safe. */
    public static final class Builder {
        private int users = DEFAULT_USERS;
        private int reports = DEFAULT_REPORTS;
        private long seed = DEFAULT_SEED;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration dbRoundTrip = DEFAULT_DB_ROUND_TRIP;
        private int port;
        private final EnumSet<DemoIssue> issues = EnumSet.noneOf(DemoIssue.class);

        private Builder() {
        }

        /**
         * Sets the users generated at start (ids 1 to {@code users}).
         *
         * @param users {@code > 0}; default 1,000
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder users(int users) {
            this.users = positive("users", users);
            return this;
        }

        /**
         * Sets the reports generated at start (ids 1 to {@code reports}); {@code POST /reports} adds more.
         *
         * @param reports {@code > 0}; default 500
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder reports(int reports) {
            this.reports = positive("reports", reports);
            return this;
        }

        /**
         * Sets the seed: the same seed gives the same rows and the same tokens.
         *
         * @param seed any value; default 42
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the connection pool's size (a fixed-size HikariCP pool).
         *
         * @param poolSize {@code > 0}; default 10
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder poolSize(int poolSize) {
            this.poolSize = positive("poolSize", poolSize);
            return this;
        }

        /**
         * Sets the simulated network round trip paid after every SQL statement while its connection
         * is held, as if the database ran on another host: an embedded H2 answers in microseconds,
         * a database across a network in a millisecond or so. It makes the cost of an N+1 query and
         * of a small pool show as they would in production.
         *
         * @param dbRoundTrip 0 (none) to {@link #MAX_DB_ROUND_TRIP}; default 1 ms
         * @return this builder
         * @throws IllegalArgumentException if negative or above the maximum
         */
        public Builder dbRoundTrip(Duration dbRoundTrip) {
            Objects.requireNonNull(dbRoundTrip, "demoOptions: dbRoundTrip must not be null");
            if (dbRoundTrip.isNegative() || dbRoundTrip.compareTo(MAX_DB_ROUND_TRIP) > 0) {
                throw new IllegalArgumentException("demoOptions: dbRoundTrip must be between 0 and 1s, was " + dbRoundTrip);
            }
            this.dbRoundTrip = dbRoundTrip;
            return this;
        }

        /**
         * Sets the loopback port to listen on.
         *
         * @param port 0 (a free port, the default) to 65535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("demoOptions: port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Plants issues on purpose, in addition to those planted before.
         *
         * @param issues the issues; none may be null
         * @return this builder
         * @throws NullPointerException if an issue is null
         */
        public Builder plant(DemoIssue... issues) {
            Arrays.stream(issues).forEach(issue -> this.issues.add(Objects.requireNonNull(issue, "demoOptions: issue must not be null")));
            return this;
        }

        /** Returns the options. */
        public DemoOptions build() {
            return new DemoOptions(this);
        }

        private static int positive(String field, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("demoOptions: " + field + " must be > 0, was " + value);
            }
            return value;
        }
    }
}
