package dev.perfkit.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The real databases of the tests: embedded H2 (always), and the PostgreSQL server named by
 * {@value #PG_URL} (with {@value #PG_USER} and {@value #PG_PASSWORD}), which {@code .ci/run} starts
 * on loopback. Without {@value #PG_URL}, each PostgreSQL test is skipped with a JUnit assumption
 * naming the variable (so the build counts them as skipped), and a line on stderr says so.
 */
final class Databases {

    /** The JDBC URL of the PostgreSQL test database. */
    static final String PG_URL = "PERFKIT_PG_URL";
    /** Its user. */
    static final String PG_USER = "PERFKIT_PG_USER";
    /** Its password. */
    static final String PG_PASSWORD = "PERFKIT_PG_PASSWORD";

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    private Databases() {
    }

    /** A fresh in-memory H2 database, kept until the JVM ends, pooled with {@code maxSize} connections. */
    static PoolConfig.Builder h2(int maxSize) {
        return PoolConfig.custom()
                .name("h2")
                .jdbcUrl("jdbc:h2:mem:perfkit" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
                .username("sa").password("")
                .maxSize(maxSize).minIdle(Math.min(maxSize, 2))
                .connectionTimeout(Duration.ofSeconds(10));
    }

    /**
     * Returns the PostgreSQL test database's settings if {@value #PG_URL} is set; otherwise says on
     * stderr that the PostgreSQL tests are skipped, and returns null. Call {@link #assumePostgres}
     * before each test, so that each one is reported as skipped with the reason.
     */
    static PoolConfig.Builder postgresOrNull(int maxSize) {
        String url = System.getenv(PG_URL);
        if (url == null || url.isBlank()) {
            System.err.println("[perf-jdbc] SKIPPED PostgreSQL tests: environment variable " + PG_URL
                    + " is not set (.ci/run starts PostgreSQL on loopback and sets it; see perf-jdbc/README.md)");
            return null;
        }
        return PoolConfig.custom()
                .name("pg")
                .jdbcUrl(url)
                .username(System.getenv(PG_USER))
                .password(System.getenv(PG_PASSWORD))
                .maxSize(maxSize).minIdle(Math.min(maxSize, 2))
                .connectionTimeout(Duration.ofSeconds(10));
    }

    /** Skips the calling test, with a message naming {@value #PG_URL}, unless it is set. */
    static void assumePostgres() {
        String url = System.getenv(PG_URL);
        assumeTrue(url != null && !url.isBlank(),
                "PostgreSQL test skipped: environment variable " + PG_URL + " is not set (.ci/run sets it)");
    }

    /** Registers the test functions of {@link H2Functions} in an H2 database. */
    static void h2Functions(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ALIAS IF NOT EXISTS SLEEP_MS FOR '" + H2Functions.class.getName() + ".sleepMs'");
            s.execute("CREATE ALIAS IF NOT EXISTS FAIL_WITH FOR '" + H2Functions.class.getName() + ".failWith'");
        }
    }

    /** Runs DDL or DML on a connection of its own, committed. */
    static void exec(DataSource dataSource, String... sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** Reads one number. */
    static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
