package dev.perfkit.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The settings of a HikariCP connection pool: where the connections come from and how many there
 * are. An immutable value; {@link #custom()} starts a builder and {@link #toBuilder()} a modified
 * copy.
 *
 * <pre>{@code
 * PoolConfig config = PoolConfig.custom()
 *     .jdbcUrl("jdbc:postgresql://127.0.0.1:5432/shop")
 *     .username("app").password(System.getenv("DB_PASSWORD"))
 *     .maxSize(20).minIdle(5)
 *     .connectionTimeout(Duration.ofSeconds(5))
 *     .build();
 * try (JdbcPool pool = JdbcPool.create(config)) { ... }
 * }</pre>
 *
 * <p>Connections come either from a JDBC URL (through {@link java.sql.DriverManager}, so the
 * driver must be on the class or module path) or from a {@link DataSource} of your own, which the
 * pool then draws its connections from. To use your own {@code DataSource} unchanged, without a
 * pool of ours in front of it, call {@link JdbcPool#wrap(String, DataSource)} instead.
 *
 * <p>The defaults are HikariCP's, except for the pool's name. {@link #toString()} masks the
 * password, secret properties and secrets inside the URL (see {@link Redaction}).
 */
public final class PoolConfig {

    /** The pool's name unless set: it prefixes the pool's gauges and acquire-time statistic. */
    public static final String DEFAULT_NAME = "db";
    /** The most connections the pool opens, unless set. */
    public static final int DEFAULT_MAX_SIZE = 10;
    /** How long a statement waits for a free connection before it fails with {@code pool_timeout}, unless set. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    /** The shortest connection timeout HikariCP accepts. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(250);
    /** How long validating a connection may take, unless set (or the connection timeout, if that is shorter). */
    public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(5);
    /** How long a connection above {@link #minIdle()} may stay idle before it is closed, unless set. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** The longest a connection lives in the pool, unless set. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);

    private final String name;
    private final String jdbcUrl;
    private final DataSource dataSource;
    private final String username;
    private final String password;
    private final Map<String, String> properties;
    private final int maxSize;
    private final Integer minIdle;
    private final Duration connectionTimeout;
    private final Duration validationTimeout;
    private final String validationQuery;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final boolean autoCommit;

    private PoolConfig(Builder b) {
        this.name = b.name;
        this.jdbcUrl = b.jdbcUrl;
        this.dataSource = b.dataSource;
        this.username = b.username;
        this.password = b.password;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.maxSize = b.maxSize;
        this.minIdle = b.minIdle;
        this.connectionTimeout = b.connectionTimeout;
        this.validationTimeout = b.validationTimeout;
        this.validationQuery = b.validationQuery;
        this.idleTimeout = b.idleTimeout;
        this.maxLifetime = b.maxLifetime;
        this.autoCommit = b.autoCommit;
    }

    /** Returns a builder with the defaults and no connection source yet. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.jdbcUrl = jdbcUrl;
        b.dataSource = dataSource;
        b.username = username;
        b.password = password;
        b.properties.putAll(properties);
        b.maxSize = maxSize;
        b.minIdle = minIdle;
        b.connectionTimeout = connectionTimeout;
        b.validationTimeout = validationTimeout;
        b.validationQuery = validationQuery;
        b.idleTimeout = idleTimeout;
        b.maxLifetime = maxLifetime;
        b.autoCommit = autoCommit;
        return b;
    }

    /** Returns the pool's name. */
    public String name() {
        return name;
    }

    /** Returns the JDBC URL, with its secrets if it has any: print {@link Redaction#url} of it instead. */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    /** Returns the data source the pool draws connections from, if one was given instead of a URL. */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /** Returns the user name, if set. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Returns the password, if set. Never print it. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Returns the driver (or data source) properties, in the order they were added; secrets unmasked. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Returns the most connections the pool opens. */
    public int maxSize() {
        return maxSize;
    }

    /** Returns the fewest idle connections the pool keeps; {@link #maxSize()} unless set (a fixed-size pool). */
    public int minIdle() {
        return minIdle == null ? maxSize : minIdle;
    }

    /** Returns how long a caller waits for a connection before failing. */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /**
     * Returns how long validating a connection may take: as set, or else the shorter of
     * {@link #DEFAULT_VALIDATION_TIMEOUT} and the connection timeout.
     */
    public Duration validationTimeout() {
        if (validationTimeout != null) {
            return validationTimeout;
        }
        return DEFAULT_VALIDATION_TIMEOUT.compareTo(connectionTimeout) <= 0 ? DEFAULT_VALIDATION_TIMEOUT : connectionTimeout;
    }

    /** Returns the validation query, if set; otherwise connections are validated with {@link java.sql.Connection#isValid}. */
    public Optional<String> validationQuery() {
        return Optional.ofNullable(validationQuery);
    }

    /** Returns how long a connection above the minimum may stay idle. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Returns the longest a connection lives in the pool. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** Returns whether connections are handed out in auto-commit mode. */
    public boolean autoCommit() {
        return autoCommit;
    }

    /** Returns the literal secrets of this configuration: the password and secret property values. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (password != null) {
            secrets.add(password);
        }
        properties.forEach((k, v) -> {
            if (Redaction.isSensitiveKey(k)) {
                secrets.add(v);
            }
        });
        return secrets;
    }

    /** Describes the configuration with every secret masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PoolConfig[name=").append(name);
        if (jdbcUrl != null) {
            sb.append(", jdbcUrl=").append(Redaction.url(jdbcUrl));
        } else {
            sb.append(", dataSource=").append(dataSource == null ? "none" : dataSource.getClass().getName());
        }
        if (username != null) {
            sb.append(", username=").append(username);
        }
        if (password != null) {
            sb.append(", password=").append(Redaction.MASK);
        }
        if (!properties.isEmpty()) {
            sb.append(", properties=").append(Redaction.properties(properties));
        }
        return sb.append(", maxSize=").append(maxSize)
                .append(", minIdle=").append(minIdle())
                .append(", connectionTimeout=").append(connectionTimeout.toMillis()).append("ms")
                .append(", validationTimeout=").append(validationTimeout().toMillis()).append("ms")
                .append(validationQuery == null ? "" : ", validationQuery=" + validationQuery)
                .append(", idleTimeout=").append(idleTimeout.toMillis()).append("ms")
                .append(", maxLifetime=").append(maxLifetime.toMillis()).append("ms")
                .append(", autoCommit=").append(autoCommit)
                .append(']').toString();
    }

    /** Builds a {@link PoolConfig}. Not thread-safe. Each setter checks its argument at once. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private String jdbcUrl;
        private DataSource dataSource;
        private String username;
        private String password;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private int maxSize = DEFAULT_MAX_SIZE;
        private Integer minIdle;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration validationTimeout;
        private String validationQuery;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
        private boolean autoCommit = true;

        private Builder() {
        }

        private String where() {
            return "poolConfig[" + name + "]";
        }

        /**
         * Sets the pool's name; it prefixes the pool's gauges ({@code db.active}...) and its
         * acquire-time statistic ({@code db.acquire}), so give each pool of a run its own.
         *
         * @param name non-blank, without whitespace; default {@link #DEFAULT_NAME}
         * @return this builder
         * @throws IllegalArgumentException if blank or containing whitespace
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, () -> where() + ": name must not be null");
            if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(where() + ": name must be non-blank without whitespace, was \"" + name + "\"");
            }
            this.name = name;
            return this;
        }

        /**
         * Takes connections from a JDBC URL through {@link java.sql.DriverManager}. Clears a data
         * source set before.
         *
         * @param jdbcUrl a URL starting with {@code jdbc:}
         * @return this builder
         * @throws IllegalArgumentException if it does not start with {@code jdbc:}; the message masks its secrets
         */
        public Builder jdbcUrl(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, () -> where() + ": jdbcUrl must not be null");
            if (!jdbcUrl.startsWith("jdbc:")) {
                throw new IllegalArgumentException(where() + ": jdbcUrl must start with \"jdbc:\", was \"" + Redaction.url(jdbcUrl) + "\"");
            }
            this.jdbcUrl = jdbcUrl;
            this.dataSource = null;
            return this;
        }

        /**
         * Takes connections from a data source of your own, pooled by HikariCP. Clears a URL set
         * before. (To use a data source without a HikariCP pool in front, see
         * {@link JdbcPool#wrap(String, DataSource)}.)
         *
         * @param dataSource the data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, () -> where() + ": dataSource must not be null");
            this.jdbcUrl = null;
            return this;
        }

        /**
         * Sets the user name.
         *
         * @param username the user name, or null for none
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * Sets the password. It is never printed: {@link #toString()} and the messages of this
         * module mask it.
         *
         * @param password the password, or null for none
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Adds a driver property (with a URL) or a data source property, such as PostgreSQL's
         * {@code reWriteBatchedInserts=true}. Secret ones are masked when printed.
         *
         * @param key   non-blank
         * @param value non-null
         * @return this builder
         */
        public Builder addProperty(String key, String value) {
            Objects.requireNonNull(key, () -> where() + ": property key must not be null");
            Objects.requireNonNull(value, () -> where() + ": property[" + key + "] must not be null");
            if (key.isBlank()) {
                throw new IllegalArgumentException(where() + ": property key must not be blank");
            }
            properties.put(key, value);
            return this;
        }

        /**
         * Sets the most connections the pool opens. Statements beyond that wait for a free one,
         * up to {@link #connectionTimeout(Duration)}.
         *
         * @param maxSize {@code > 0}; default {@link #DEFAULT_MAX_SIZE}
         * @return this builder
         */
        public Builder maxSize(int maxSize) {
            if (maxSize <= 0) {
                throw new IllegalArgumentException(where() + ": maxSize must be > 0, was " + maxSize);
            }
            this.maxSize = maxSize;
            return this;
        }

        /**
         * Sets the fewest idle connections the pool keeps open.
         *
         * @param minIdle {@code >= 0} and {@code <= maxSize} (checked by {@link #build()}); default: maxSize
         * @return this builder
         */
        public Builder minIdle(int minIdle) {
            if (minIdle < 0) {
                throw new IllegalArgumentException(where() + ": minIdle must be >= 0, was " + minIdle);
            }
            this.minIdle = minIdle;
            return this;
        }

        /**
         * Sets how long a statement waits for a free connection; past it the statement fails
         * with the category {@code pool_timeout}.
         *
         * @param connectionTimeout at least {@link #MIN_TIMEOUT}; default {@link #DEFAULT_CONNECTION_TIMEOUT}
         * @return this builder
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = atLeastMin("connectionTimeout", connectionTimeout);
            return this;
        }

        /**
         * Sets how long validating a connection may take.
         *
         * @param validationTimeout at least {@link #MIN_TIMEOUT} and at most the connection timeout
         *                          (checked by {@link #build()}); default {@link #DEFAULT_VALIDATION_TIMEOUT},
         *                          or the connection timeout if that is shorter
         * @return this builder
         */
        public Builder validationTimeout(Duration validationTimeout) {
            this.validationTimeout = atLeastMin("validationTimeout", validationTimeout);
            return this;
        }

        /**
         * Validates connections with a query, for drivers without a working
         * {@link java.sql.Connection#isValid}. Leave unset for JDBC 4 drivers (H2, PostgreSQL).
         *
         * @param validationQuery non-blank SQL, such as {@code SELECT 1}, or null for {@code isValid}
         * @return this builder
         */
        public Builder validationQuery(String validationQuery) {
            if (validationQuery != null && validationQuery.isBlank()) {
                throw new IllegalArgumentException(where() + ": validationQuery must not be blank");
            }
            this.validationQuery = validationQuery;
            return this;
        }

        /**
         * Sets how long a connection above {@code minIdle} may stay idle.
         *
         * @param idleTimeout zero (never closed) or at least 10 s; default {@link #DEFAULT_IDLE_TIMEOUT}
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            Objects.requireNonNull(idleTimeout, () -> where() + ": idleTimeout must not be null");
            if (!idleTimeout.isZero() && idleTimeout.compareTo(Duration.ofSeconds(10)) < 0) {
                throw new IllegalArgumentException(where() + ": idleTimeout must be 0 or >= 10s, was " + idleTimeout.toMillis() + "ms");
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * Sets the longest a connection lives in the pool.
         *
         * @param maxLifetime zero (unlimited) or at least 30 s; default {@link #DEFAULT_MAX_LIFETIME}
         * @return this builder
         */
        public Builder maxLifetime(Duration maxLifetime) {
            Objects.requireNonNull(maxLifetime, () -> where() + ": maxLifetime must not be null");
            if (!maxLifetime.isZero() && maxLifetime.compareTo(Duration.ofSeconds(30)) < 0) {
                throw new IllegalArgumentException(where() + ": maxLifetime must be 0 or >= 30s, was " + maxLifetime.toMillis() + "ms");
            }
            this.maxLifetime = maxLifetime;
            return this;
        }

        /**
         * Sets whether connections are handed out in auto-commit mode. Transactions and batches
         * switch it off for their own duration either way.
         *
         * @param autoCommit default true
         * @return this builder
         */
        public Builder autoCommit(boolean autoCommit) {
            this.autoCommit = autoCommit;
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException listing every cross-field problem: no connection
         *         source, minIdle above maxSize, validation timeout above the connection timeout
         */
        public PoolConfig build() {
            List<String> problems = new ArrayList<>();
            if (jdbcUrl == null && dataSource == null) {
                problems.add("a jdbcUrl or a dataSource is required");
            }
            if (minIdle != null && minIdle > maxSize) {
                problems.add("minIdle must be <= maxSize (" + maxSize + "), was " + minIdle);
            }
            if (validationTimeout != null && validationTimeout.compareTo(connectionTimeout) > 0) {
                problems.add("validationTimeout (" + validationTimeout.toMillis() + "ms) must be <= connectionTimeout ("
                        + connectionTimeout.toMillis() + "ms)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(where() + ": " + String.join("; ", problems));
            }
            return new PoolConfig(this);
        }

        private Duration atLeastMin(String field, Duration value) {
            Objects.requireNonNull(value, () -> where() + ": " + field + " must not be null");
            if (value.compareTo(MIN_TIMEOUT) < 0) {
                throw new IllegalArgumentException(where() + ": " + field + " must be >= 250ms, was " + value.toMillis() + "ms");
            }
            return value;
        }
    }
}
