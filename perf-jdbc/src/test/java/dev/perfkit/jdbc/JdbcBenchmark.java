package dev.perfkit.jdbc;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The JDBC benchmark of docs/benchmarks.md: a primary-key lookup ({@link QueryPatterns#userById()}
 * over the default {@link Dataset}) on H2 and PostgreSQL at 1, 10 and 50 users, and the adapter's
 * own cost per statement against plain JDBC on the same connection.
 *
 * <p>Not a test: a main in the test sources, so that it has H2 and the PostgreSQL driver. Run it
 * with the {@code bench} profile (perf-jdbc/README.md):
 * <pre>
 * ./mvnw -q -B -pl perf-jdbc -am install -DskipTests
 * PERFKIT_PG_URL=... PERFKIT_PG_USER=... PERFKIT_PG_PASSWORD=... \
 *   ./mvnw -q -B -pl perf-jdbc -Pbench verify -DskipTests -Dbench.args="h2 pg overhead"
 * </pre>
 * Arguments: any of {@code h2}, {@code pg}, {@code overhead} ({@code all}: the three), and
 * {@code --warmup=S}, {@code --seconds=S} (per load level), {@code --rounds=N}, {@code --ops=N}
 * (of the overhead measurement). PostgreSQL parts need {@value Databases#PG_URL}. JVM options go in
 * {@code -Dbench.jvmArgs=...}, such as {@code -Djdk.virtualThreadScheduler.parallelism=8}.
 */
public final class JdbcBenchmark {

    private static int warmup = 5;
    private static int seconds = 15;
    private static int rounds = 7;
    private static int ops = 20_000;
    /** Lookups per block of the overhead measurement; plain and adapter blocks alternate. */
    private static final int BLOCK = 1_000;

    private JdbcBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--warmup=")) {
                warmup = Integer.parseInt(a.substring(9));
            } else if (a.startsWith("--seconds=")) {
                seconds = Integer.parseInt(a.substring(10));
            } else if (a.startsWith("--rounds=")) {
                rounds = Integer.parseInt(a.substring(9));
            } else if (a.startsWith("--ops=")) {
                ops = Integer.parseInt(a.substring(6));
            } else if (a.equals("all")) {
                parts.addAll(List.of("h2", "pg", "overhead"));
            } else {
                parts.add(a);
            }
        }
        System.out.printf(Locale.ROOT, "java %s, %d cpus, virtual-thread carriers %s, max heap %d MB; warm-up %d s, %d s per level%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("jdk.virtualThreadScheduler.parallelism", "default (= cpus)"),
                Runtime.getRuntime().maxMemory() >> 20, warmup, seconds);
        String pgUrl = System.getenv(Databases.PG_URL);
        boolean pg = pgUrl != null && !pgUrl.isBlank();
        if (parts.contains("h2")) {
            lookups("H2 2.4 (embedded, in memory)", h2());
        }
        if (parts.contains("pg")) {
            if (pg) {
                lookups("PostgreSQL (loopback)", postgres());
            } else {
                System.out.println("pg: skipped, " + Databases.PG_URL + " is not set");
            }
        }
        if (parts.contains("overhead")) {
            overhead("H2", h2());
            if (pg) {
                overhead("PostgreSQL", postgres());
            }
        }
    }

    private static PoolConfig.Builder h2() {
        return PoolConfig.custom().name("bench").jdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1").username("sa").password("");
    }

    private static PoolConfig.Builder postgres() {
        return PoolConfig.custom().name("bench").jdbcUrl(System.getenv(Databases.PG_URL))
                .username(System.getenv(Databases.PG_USER)).password(System.getenv(Databases.PG_PASSWORD));
    }

    // ---------------------------------------------------------------- throughput and p99 per load level

    private static void lookups(String database, PoolConfig.Builder config) throws Exception {
        Dataset dataset = Dataset.custom().tablePrefix("bench_").build();
        QueryPatterns patterns = QueryPatterns.of(dataset);
        try (JdbcPool setup = JdbcPool.create(config.maxSize(1).build())) {
            dataset.create(setup.dataSource());
        }
        System.out.println();
        System.out.println("### " + database + ": primary-key lookup (`user by id`, " + dataset.users() + " users)");
        System.out.println();
        System.out.println("| users | pool size | connections in use (mean) | statements | statements/s | mean | p50 | p99 | max | acquire p99 | errors |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int[][] levels = {{1, 10}, {10, 10}, {50, 10}, {50, 50}};
        for (int[] level : levels) {
            int users = level[0];
            int poolSize = level[1];
            try (JdbcPool pool = JdbcPool.create(config.maxSize(poolSize).minIdle(poolSize).build())) {
                Scenario scenario = Scenario.named("pk lookup").users(users)
                        .task(1, "lookup", pool.task(patterns.userById())).seed(42);
                LoadTest.run(scenario.hold(Duration.ofSeconds(warmup)));
                RunResult run = LoadTest.run(scenario.hold(Duration.ofSeconds(seconds)),
                        pool.addGaugesTo(RunOptions.custom()).build());
                SampleStats s = run.sample("user by id").orElseThrow();
                SampleStats acquire = run.sample(pool.acquireTimingName()).orElseThrow();
                System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %,d | %,.0f | %s | %s | %s | %s | %s | %d |%n", users, poolSize,
                        meanGauge(run, pool.name() + JdbcPool.ACTIVE), s.count(), s.throughput(), ms(Math.round(s.responseTime().meanNanos())), ms(s.responseTime().p50Nanos()), ms(s.responseTime().p99Nanos()),
                        ms(s.responseTime().maxNanos()), ms(acquire.responseTime().p99Nanos()), s.failures());
            }
        }
        try (JdbcPool setup = JdbcPool.create(config.maxSize(1).minIdle(1).build())) {
            dataset.drop(setup.dataSource());
        }
    }

    // ---------------------------------------------------------------- the adapter's own cost

    /**
     * Times {@link #ops} lookups of each kind inside one task, in blocks of {@link #BLOCK} that
     * alternate: plain JDBC on a connection and the adapter on the same connection
     * ({@link JdbcPool#execute(SqlStatement, dev.perfkit.core.Session, Connection)}); then plain
     * JDBC with a pool connection per statement and the adapter through the pool. Seven rounds (two
     * more to warm up); the median round is reported. Both sides draw the same random ids and read the same five
     * columns with getObject; the difference is the adapter's work: parameters, timing, recording,
     * the result object.
     */
    private static void overhead(String database, PoolConfig.Builder config) throws Exception {
        Dataset dataset = Dataset.custom().tablePrefix("bench_").build();
        QueryPatterns patterns = QueryPatterns.of(dataset);
        SqlQuery lookup = patterns.userById();
        String sql = lookup.sql();
        int users = dataset.users();
        try (JdbcPool pool = JdbcPool.create(config.maxSize(2).minIdle(2).build())) {
            dataset.create(pool.dataSource());
            double[] plain = new double[rounds];
            double[] adapter = new double[rounds];
            double[] plainPooled = new double[rounds];
            double[] adapterPooled = new double[rounds];
            for (int round = -2; round < rounds; round++) { // two rounds of warm-up
                long[] nanos = new long[4];
                LoadTest.run(Scenario.named("overhead").users(1).iterationsPerUser(1).task(1, "loops", session -> {
                    RandomGenerator random = session.random();
                    // blocks of BLOCK lookups, alternating plain and adapter, so that drift hits both alike
                    try (Connection c = pool.dataSource().getConnection()) {
                        for (int done = 0; done < ops; done += BLOCK) {
                            long t0 = System.nanoTime();
                            for (int i = 0; i < BLOCK; i++) {
                                plainLookup(c, sql, random.nextInt(1, users + 1));
                            }
                            long t1 = System.nanoTime();
                            for (int i = 0; i < BLOCK; i++) {
                                pool.execute(lookup, session, c);
                            }
                            long t2 = System.nanoTime();
                            nanos[0] += t1 - t0;
                            nanos[1] += t2 - t1;
                        }
                    }
                    for (int done = 0; done < ops; done += BLOCK) {
                        long t0 = System.nanoTime();
                        for (int i = 0; i < BLOCK; i++) {
                            try (Connection c = pool.dataSource().getConnection()) {
                                plainLookup(c, sql, random.nextInt(1, users + 1));
                            }
                        }
                        long t1 = System.nanoTime();
                        for (int i = 0; i < BLOCK; i++) {
                            pool.query(lookup, session);
                        }
                        long t2 = System.nanoTime();
                        nanos[2] += t1 - t0;
                        nanos[3] += t2 - t1;
                    }
                }));
                if (round >= 0) {
                    plain[round] = (double) nanos[0] / ops;
                    adapter[round] = (double) nanos[1] / ops;
                    plainPooled[round] = (double) nanos[2] / ops;
                    adapterPooled[round] = (double) nanos[3] / ops;
                }
            }
            dataset.drop(pool.dataSource());
            System.out.println();
            System.out.printf(Locale.ROOT, "### %s: adapter overhead per statement (median of %d rounds of %,d lookups)%n",
                    database, rounds, ops);
            System.out.println();
            System.out.println("| path | plain JDBC | adapter | overhead |");
            System.out.println("|---|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| same connection | %s | %s | %s |%n", us(median(plain)), us(median(adapter)),
                    us(median(adapter) - median(plain)));
            System.out.printf(Locale.ROOT, "| connection from the pool per statement | %s | %s | %s |%n", us(median(plainPooled)),
                    us(median(adapterPooled)), us(median(adapterPooled) - median(plainPooled)));
            System.out.printf(Locale.ROOT, "rounds (ns/op): plain %s, adapter %s, plain pooled %s, adapter pooled %s%n",
                    rounded(plain), rounded(adapter), rounded(plainPooled), rounded(adapterPooled));
        }
    }

    /** What a hand-written lookup does: prepare, bind, execute, read the row's five columns, close. */
    private static void plainLookup(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(5);
                    for (int i = 1; i <= 5; i++) {
                        row.add(rs.getObject(i));
                    }
                    if (row.isEmpty()) {
                        throw new IllegalStateException();
                    }
                }
            }
        }
    }

    /** The mean of a gauge over the run's full intervals (the last, partial one left out). */
    private static double meanGauge(RunResult run, String gauge) {
        return run.intervals().stream().limit(Math.max(1, run.intervals().size() - 1))
                .mapToDouble(i -> i.gauges().getOrDefault(gauge, Double.NaN)).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String rounded(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.valueOf(Math.round(v))).toList().toString();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static String us(double nanos) {
        return String.format(Locale.ROOT, "%.2f µs", nanos / 1e3);
    }
}
