package dev.perfkit.examples.demo;

import com.sun.net.httpserver.HttpServer;
import dev.perfkit.core.RunOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A small server application to load: an HTTP API on loopback backed by an embedded H2 database,
 * started in this JVM with one call. It behaves like a real service under load (real SQL per
 * request, a real connection pool, a simulated database round trip) and can have common problems
 * planted on purpose ({@link DemoIssue}) so that perfkit's findings have something to find.
 *
 * <pre>{@code
 * try (DemoSystem demo = DemoSystem.start(DemoOptions.custom().plant(DemoIssue.SMALL_POOL).build())) {
 *     Http http = Http.create(demo.baseUri().toString());
 *     String token = demo.tokenFor(1);
 *     ... a scenario of requests with "Authorization: Bearer " + token ...
 *     RunResult result = LoadTest.run(scenario, demo.addGaugesTo(RunOptions.custom()).build());
 * }
 * }</pre>
 *
 * <h2>Endpoints</h2>
 * All answer JSON; all but {@code /health} need {@code Authorization: Bearer <token>} (see
 * {@link #tokenFor(long)}), else 401. Bad input is a 400 with {@code {"error": "..."}}.
 * <table>
 *   <caption>The API</caption>
 *   <tr><th>request</th><th>answer</th><th>SQL statements</th></tr>
 *   <tr><td>{@code GET /health}</td><td>{@code {"status":"UP"}}</td><td>none</td></tr>
 *   <tr><td>{@code GET /auth/verify}</td><td>the token's user</td><td>1</td></tr>
 *   <tr><td>{@code GET /dashboard}</td><td>the user, the latest 10 reports of their department with
 *       authors (a join), the department's reports counted by status (an aggregation)</td><td>3
 *       (up to 13 with {@link DemoIssue#N_PLUS_ONE})</td></tr>
 *   <tr><td>{@code GET /reports?page=1&size=20}</td><td>a page of all reports by id (offset
 *       pagination; size 1 to 100) with {@code total} and {@code pages}</td><td>2</td></tr>
 *   <tr><td>{@code POST /reports}</td><td>201, {@code {"id":n}} and {@code Location}; body
 *       {@code {"title":..., "category":..., "amount":...}}</td><td>1</td></tr>
 *   <tr><td>{@code GET /reports/{id}}</td><td>the report, or 404</td><td>1</td></tr>
 *   <tr><td>{@code GET /search?q=Audit}</td><td>up to 20 reports whose title, or whose author's
 *       department, starts with {@code q} (case-sensitive, 1 to 100 characters)</td><td>1</td></tr>
 * </table>
 * A request that waits more than 5 s for a database connection gets a 503.
 *
 * <h2>Server</h2>
 * The JDK's own {@code com.sun.net.httpserver.HttpServer} (HTTP/1.1, keep-alive) with a virtual
 * thread per request: no dependency beyond the JDK, and a thread model like the engine's. The data
 * are perf-jdbc's {@code Dataset} in the tables {@code demo_users} and {@code demo_reports} of an
 * in-memory H2 database of this instance's own, behind a fixed-size HikariCP pool.
 *
 * <p>Thread-safe. Several systems can run in one JVM; each has its own port, database and pool.
 * {@link #close()} stops the server, drops the database and closes the pool.
 */
public final class DemoSystem implements AutoCloseable {

    /** The gauge of the SQL statements executed so far, added by {@link #addGaugesTo}. */
    public static final String STATEMENTS_GAUGE = "demo.statements";
    /** The gauge of the response bytes held by {@link DemoIssue#MEMORY_LEAK}, added by {@link #addGaugesTo}. */
    public static final String RETAINED_BYTES_GAUGE = "demo.retainedBytes";

    /**
     * The prefix of its tables, {@code demo_users} and {@code demo_reports}: perf-jdbc's
     * {@code Dataset.custom().tablePrefix(TABLE_PREFIX)} describes them, for queries of your own.
     */
    public static final String TABLE_PREFIX = DemoDatabase.TABLE_PREFIX;

    private final DemoOptions options;
    private final DemoDatabase database;
    private final Tokens tokens;
    private final ResponseCache cache;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoSystem(DemoOptions options, DemoDatabase database, Tokens tokens, ResponseCache cache, HttpServer server,
                       ExecutorService executor) {
        this.options = options;
        this.database = database;
        this.tokens = tokens;
        this.cache = cache;
        this.server = server;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts a system with {@link DemoOptions#defaults()}: 1,000 users, 500 reports, a pool of 10,
     * no planted issue, on a free loopback port.
     *
     * @return the running system; close it
     * @throws IllegalStateException if the database or the server cannot start
     */
    public static DemoSystem start() {
        return start(DemoOptions.defaults());
    }

    /**
     * Starts a system: creates and fills its database (about a second for the defaults), starts its
     * pool, then its HTTP server on {@code 127.0.0.1}.
     *
     * @param options the sizes, pool and planted issues
     * @return the running system; close it
     * @throws IllegalStateException if the database or the server cannot start (the port is taken,
     *         say); what was started is closed again
     */
    public static DemoSystem start(DemoOptions options) {
        Objects.requireNonNull(options, "options");
        DemoDatabase database;
        try {
            database = DemoDatabase.start(options);
        } catch (SQLException e) {
            throw new IllegalStateException("demo system: the database did not start: " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Tokens tokens = new Tokens(options.seed());
            ResponseCache cache = new ResponseCache(options.planted(DemoIssue.MEMORY_LEAK));
            DemoApi api = new DemoApi(new DemoQueries(database, options.planted(DemoIssue.N_PLUS_ONE)), tokens, cache);
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            HttpServer server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 1024);
            server.createContext("/", api);
            server.setExecutor(executor);
            server.start();
            return new DemoSystem(options, database, tokens, cache, server, executor);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            database.close();
            throw new IllegalStateException("demo system: the HTTP server did not start on 127.0.0.1:" + options.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Returns the options it runs with. */
    public DemoOptions options() {
        return options;
    }

    /** Returns the API's base, {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** Returns the JDBC URL of its in-memory H2 database, unique to this instance (no user or password needed). */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /**
     * Returns its connection pool (a HikariCP {@code HikariDataSource}), to query or inspect the
     * data behind the API. Connections taken from it count against the API's pool.
     */
    public DataSource dataSource() {
        return database.pool().dataSource();
    }

    /**
     * Returns a valid bearer token of a user: send it as {@code Authorization: Bearer <token>}.
     * Tokens are an HMAC of the user id under a key drawn from the seed, so the same seed gives the
     * same tokens in every process; they never expire.
     *
     * @param userId 1 to {@link DemoOptions#users()}
     * @return the token
     * @throws IllegalArgumentException if there is no such user
     */
    public String tokenFor(long userId) {
        if (userId < 1 || userId > options.users()) {
            throw new IllegalArgumentException("demoSystem: userId must be between 1 and " + options.users() + ", was " + userId);
        }
        return tokens.tokenFor(userId);
    }

    /**
     * Returns the bearer token of a user of a demo system started with {@code seed}, without the
     * system at hand: tokens depend only on the seed, so a load script in another process (or one
     * given only the system's URL, as the runner's suites are) can compute them. The user must
     * exist in that system ({@code 1..users}), or the token is refused with 401.
     *
     * @param seed   the system's {@link DemoOptions#seed()}, {@link DemoOptions#DEFAULT_SEED} unless set
     * @param userId the user, {@code >= 1}
     * @return the token, as {@link #tokenFor(long)} returns it
     * @throws IllegalArgumentException if {@code userId < 1}
     */
    public static String token(long seed, long userId) {
        if (userId < 1) {
            throw new IllegalArgumentException("demoSystem.token: userId must be >= 1, was " + userId);
        }
        return new Tokens(seed).tokenFor(userId);
    }

    /** Returns the id of the process it runs in (this JVM's), for a process monitor. */
    public long pid() {
        return ProcessHandle.current().pid();
    }

    /** Returns the SQL statements the API has executed since start (the initial data not included). */
    public long statements() {
        return database.statements();
    }

    /**
     * Returns the response bytes held by the leak of {@link DemoIssue#MEMORY_LEAK}: the bodies'
     * bytes, not the objects' overhead. Always 0 when the issue is not planted.
     */
    public long retainedBytes() {
        return cache.retainedBytes();
    }

    /**
     * Adds its gauges to a run: the pool's ({@code demo-db.active}, {@code .idle}, {@code .total},
     * {@code .waiting}, {@code .max}, as perf-jdbc's {@code JdbcPool} names them, which perf-core's
     * pool-exhaustion finding reads), {@value #STATEMENTS_GAUGE} and {@value #RETAINED_BYTES_GAUGE}.
     *
     * @param options the run's options being built
     * @return the same builder
     */
    public RunOptions.Builder addGaugesTo(RunOptions.Builder options) {
        database.pool().addGaugesTo(options);
        return options.addGauge(STATEMENTS_GAUGE, () -> statements()).addGauge(RETAINED_BYTES_GAUGE, () -> retainedBytes());
    }

    /** Stops the server (requests in progress are cut off), drops the database and closes the pool. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        database.close();
    }

    @Override
    public String toString() {
        return "DemoSystem[" + baseUri + ", " + options + "]";
    }
}
