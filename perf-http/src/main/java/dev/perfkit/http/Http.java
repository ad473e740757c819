package dev.perfkit.http;

import dev.perfkit.core.RunOptions;
import dev.perfkit.core.Session;
import dev.perfkit.core.SessionKey;
import dev.perfkit.core.Task;
import dev.perfkit.http.internal.ClientFactory;
import dev.perfkit.http.internal.FailureClassifier;
import dev.perfkit.http.internal.PhaseListener;
import dev.perfkit.http.internal.Redactor;
import dev.perfkit.http.internal.UserState;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP client for load tests, on OkHttp: one per scenario (or per target), shared by all its
 * virtual users, sending {@link HttpRequest}s from inside tasks and recording each as a sample.
 *
 * <pre>{@code
 * try (Http http = Http.create(HttpConfig.of("http://127.0.0.1:8080"))) {
 *     HttpRequest home = HttpRequest.get("/").check(Check.status(200));
 *     HttpRequest user = HttpRequest.get("/users/{id}").check(Check.json("/name"));
 *     Scenario scenario = Scenario.named("site").users(50).hold(Duration.ofMinutes(1))
 *         .userType(UserType.named("visitor")
 *             .task(3, "home", http.task(home))
 *             .task(1, "user", session -> {
 *                 session.set(ID, session.random().nextInt(1, 1000));
 *                 HttpResponse r = http.execute(session, user);
 *                 session.set(NAME, r.json().at("/name").asText());
 *             }));
 *     RunResult result = LoadTest.run(scenario, http.addGauges(RunOptions.custom()).build());
 * }
 * }</pre>
 *
 * <h2>What a request records</h2>
 * {@link #execute(Session, HttpRequest)} times the request with {@link Session#nanoTime()} from
 * just before it is sent (a wait for a free connection under {@link HttpConfig#maxConnections()}
 * included) to the end of its body, and records it under its sample name (a
 * {@code REQUEST} sample: these make the run's totals): a success, or a failure with an
 * {@link HttpFailureCategory} and a redacted message. Beside it, the phases of the request are
 * recorded as timings ({@link HttpTimings}), retries and soft-check failures as counters. A failure
 * is then thrown as an {@link HttpFailure}, which fails the task.
 *
 * <h2>Per virtual user</h2>
 * Each virtual user gets, in its session, its own cookie jar (so users never share a login) and
 * its own phase listener, on a view of the shared OkHttp client: the connection pool is shared.
 * The session is only used by its user's thread, so nothing per user is synchronised.
 *
 * <h2>No leaked connections</h2>
 * The response body is read (up to {@link HttpConfig#maxBodyBytes()} kept) and closed before any
 * check, extraction or caller code sees the response, on every path, failures included: the
 * connection is back in the pool when {@code execute} returns or throws.
 *
 * <h2>Thread-safety and lifecycle</h2>
 * Thread-safe: all virtual users call it at once. {@link #close()} releases the pool's connections;
 * a client is cheap to keep for the life of a program, and costly to make per request (each has
 * its own pool).
 */
public final class Http implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final int READ_CHUNK = 8192;
    private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], (MediaType) null);

    private final HttpConfig config;
    private final OkHttpClient client;
    private final Redactor redactor;
    private final Semaphore permits;
    private final SessionKey<UserState> stateKey;
    private final UserState sharedState;
    private final Headers defaultHeaders;

    private Http(HttpConfig config) {
        this.config = config;
        this.client = ClientFactory.create(config);
        this.redactor = config.redactor();
        this.permits = config.maxConnections() == HttpConfig.UNLIMITED ? null : new Semaphore(config.maxConnections(), true);
        this.stateKey = SessionKey.of("perfkit.http." + config.name() + "#" + IDS.incrementAndGet(), UserState.class);
        this.sharedState = config.cookies() || config.timings() ? null : UserState.create(client, false, false);
        Headers.Builder h = new Headers.Builder();
        config.headers().forEach(h::add);
        if (config.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("User-Agent"))) {
            h.add("User-Agent", config.userAgent());
        }
        this.defaultHeaders = h.build();
        if (config.insecure()) {
            LOG.warn("perf-http client '{}': INSECURE mode: TLS certificates and host names are not checked{}. "
                    + "Anyone between this machine and the target can read and change the traffic: use it only against test targets.",
                    config.name(), config.baseUrl().map(u -> " for " + redactor.text(u)).orElse(""));
        }
    }

    /**
     * Creates a client.
     *
     * @param config the configuration
     * @return the client
     */
    public static Http create(HttpConfig config) {
        return new Http(Require.notNull("http", "config", config));
    }

    /**
     * Creates a client with the default configuration and a base URL.
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL
     * @return the client
     */
    public static Http create(String baseUrl) {
        return create(HttpConfig.of(baseUrl));
    }

    /** Returns the configuration. */
    public HttpConfig config() {
        return config;
    }

    /**
     * Returns a task that sends one request: {@code .task(1, "home", http.task(home))}.
     *
     * @param request the request
     * @return the task
     */
    public Task task(HttpRequest request) {
        Require.notNull("http[" + config.name() + "]", "request", request);
        return session -> execute(session, request);
    }

    /**
     * Sends a request for the virtual user that owns the session, records it, checks it, extracts
     * from it, and returns the response.
     *
     * @param session the calling virtual user's session
     * @param request the request
     * @return the response, with its body read and the connection released
     * @throws HttpFailure           if the request failed (after recording it): transport, status,
     *                               check, extraction, or a resilience rejection
     * @throws IllegalStateException if the request cannot be built: a path variable without value,
     *                               a relative path without base URL, a function returning null
     */
    public HttpResponse execute(Session session, HttpRequest request) {
        Require.notNull("http[" + config.name() + "]", "session", session);
        Require.notNull("http[" + config.name() + "]", "request", request);
        UserState user = user(session);
        Bound bound = request.bind(this, this::bind);
        Retry retry = request.retryOrNull();
        if (retry == null) {
            return attempt(session, user, request, bound);
        }
        Retry.Context<HttpResponse> context = retry.context();
        while (true) {
            HttpResponse response;
            try {
                response = attempt(session, user, request, bound);
            } catch (HttpFailure failure) {
                long waitStart = System.nanoTime();
                context.onRuntimeError(failure);   // throws it when no attempt is left or it is not retried
                session.recordTiming(bound.retry(), System.nanoTime() - waitStart);
                continue;
            }
            long waitStart = System.nanoTime();
            if (context.onResult(response)) {
                session.recordTiming(bound.retry(), System.nanoTime() - waitStart);
                continue;
            }
            context.onComplete();
            return response;
        }
    }

    /** One attempt: resilience permissions, the call, the verdict, the records. */
    private HttpResponse attempt(Session session, UserState user, HttpRequest request, Bound bound) {
        Bulkhead bulkhead = request.bulkheadOrNull();
        if (bulkhead != null && !bulkhead.tryAcquirePermission()) {
            throw rejected(HttpFailureCategory.BULKHEAD_FULL, bound, "bulkhead '" + bulkhead.getName() + "' is full");
        }
        try {
            RateLimiter limiter = request.rateLimiterOrNull();
            if (limiter != null && !limiter.acquirePermission()) {
                throw rejected(HttpFailureCategory.RATE_LIMITED, bound, "rate limiter '" + limiter.getName() + "' gave no permission in time");
            }
            CircuitBreaker breaker = request.circuitBreakerOrNull();
            if (breaker != null && !breaker.tryAcquirePermission()) {
                throw rejected(HttpFailureCategory.CIRCUIT_OPEN, bound, "circuit breaker '" + breaker.getName() + "' is " + breaker.getState());
            }
            boolean settled = false;
            try {
                Request okRequest = bound.prebuilt() != null ? bound.prebuilt() : build(session, request);
                Outcome outcome = call(session, user, request, bound, okRequest);
                settled = true;
                if (breaker != null) {
                    long nanos = outcome.end - outcome.start;
                    if (outcome.failure == null) {
                        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                    } else {
                        breaker.onError(nanos, TimeUnit.NANOSECONDS, outcome.failure);
                    }
                }
                if (outcome.failure != null) {
                    throw outcome.failure;
                }
                return outcome.response;
            } finally {
                if (breaker != null && !settled) {
                    breaker.releasePermission();
                }
            }
        } finally {
            if (bulkhead != null) {
                bulkhead.onComplete();
            }
        }
    }

    private HttpFailure rejected(HttpFailureCategory category, Bound bound, String why) {
        String message = bound.name() + ": " + why + ", not sent";
        if (LOG.isDebugEnabled()) {
            LOG.debug("perf-http client '{}': {}", config.name(), message);
        }
        return new HttpFailure(category, message, null);
    }

    /** The result of one call: the response or the failure, and the times. */
    private record Outcome(HttpResponse response, HttpFailure failure, long start, long end) {
    }

    private Outcome call(Session session, UserState user, HttpRequest request, Bound bound, Request okRequest) {
        PhaseListener phases = user.phases();
        long start = session.nanoTime();
        long blocked = 0;
        if (permits != null) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                long end = session.nanoTime();
                return record(session, bound, start, end, null,
                        new HttpFailure(HttpFailureCategory.INTERRUPTED, bound.name() + ": interrupted while waiting for a connection", null));
            }
            blocked = session.nanoTime() - start;
        }
        HttpResponse response = null;
        IOException error = null;
        long end;
        try {
            Call call = user.client().newCall(okRequest);
            Duration timeout = request.callTimeoutOrNull();
            if (timeout != null) {
                call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            try (Response r = call.execute()) {
                ResponseBody body = r.body();
                long[] length = new long[1];
                byte[] bytes = read(body.source(), config.maxBodyBytes(), length);
                end = session.nanoTime();
                MediaType type = body.contentType();
                Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
                HttpTimings timings = timings(session, bound, phases, blocked, end - start, end);
                response = new HttpResponse(okRequest.method(), r.request().url().toString(), r.code(), r.protocol().toString(),
                        r.headers(), bytes, length[0], charset, timings, config.objectMapper(), redactor);
            }
        } catch (IOException e) {
            end = session.nanoTime();
            error = e;
        } finally {
            if (permits != null) {
                permits.release();
            }
        }
        if (error != null) {
            HttpFailureCategory category = FailureClassifier.classify(error, phases);
            String message = bound.name() + ": " + FailureClassifier.describe(error);
            return record(session, bound, start, end, null, new HttpFailure(category, redactor.text(message), null));
        }
        return record(session, bound, start, end, response, verdict(session, user, request, bound, response));
    }

    /** Reads a body to its end, keeping at most {@code max} bytes. */
    private static byte[] read(BufferedSource source, int max, long[] length) throws IOException {
        Buffer kept = new Buffer();
        Buffer chunk = new Buffer();
        long total = 0;
        long n;
        while ((n = source.read(chunk, READ_CHUNK)) != -1) {
            total += n;
            long room = max - kept.size();
            if (room > 0) {
                kept.write(chunk, Math.min(room, chunk.size()));
            }
            chunk.clear();
        }
        length[0] = total;
        return kept.readByteArray();
    }

    /** Records the phases that happened and returns them; an all-zero record when timings are off. */
    private HttpTimings timings(Session session, Bound bound, PhaseListener phases, long blocked, long total, long end) {
        if (phases == null) {
            return new HttpTimings(blocked, 0, 0, 0, 0, 0, 0, total, false);
        }
        long dns = phases.dnsNanos();
        long connect = phases.connectNanos();
        long tls = phases.tlsNanos();
        long sending = phases.sendingNanos();
        long waiting = phases.waitingNanos();
        long receiving = phases.receivingNanos(end);
        if (permits != null) {
            session.recordTiming(bound.blocked(), blocked);
        }
        if (phases.newConnection()) {
            if (dns > 0) {
                session.recordTiming(bound.dns(), dns);
            }
            session.recordTiming(bound.connect(), connect);
            if (tls > 0) {
                session.recordTiming(bound.tls(), tls);
            }
        }
        session.recordTiming(bound.sending(), sending);
        session.recordTiming(bound.waiting(), waiting);
        session.recordTiming(bound.receiving(), receiving);
        return new HttpTimings(blocked, dns, connect, tls, sending, waiting, receiving, total, phases.newConnection());
    }

    /** Applies the status rule, the checks and the extractions; returns the failure or null. */
    private HttpFailure verdict(Session session, UserState user, HttpRequest request, Bound bound, HttpResponse response) {
        HttpFailure failure = null;
        int status = response.status();
        List<Check> checks = request.checks();
        if (!request.statusChecked() && status >= 400) {
            failure = new HttpFailure(HttpFailureCategory.ofStatus(status), bound.name() + ": HTTP " + status, response);
        }
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            if (check.isSoft()) {
                if (check.failure(response, redactor) != null) {
                    session.recordTiming(bound.softNames()[i], 0);
                }
            } else if (failure == null) {
                String message = check.failure(response, redactor);
                if (message != null) {
                    HttpFailureCategory category = check.checksStatus() ? HttpFailureCategory.ofStatus(status) : HttpFailureCategory.CHECK;
                    String text = category == HttpFailureCategory.CHECK ? message : "HTTP " + status + " (" + message + ")";
                    failure = new HttpFailure(category, redactor.text(bound.name() + ": " + text), response);
                }
            }
        }
        if (failure == null) {
            Function<String, Optional<String>> cookies = name -> user.cookies() == null ? Optional.empty() : user.cookies().value(name);
            for (Extract extract : request.extracts()) {
                String message = extract.apply(response, session, cookies);
                if (message != null) {
                    failure = new HttpFailure(HttpFailureCategory.CHECK, redactor.text(bound.name() + ": " + message), response);
                    break;
                }
            }
        }
        return failure;
    }

    private Outcome record(Session session, Bound bound, long start, long end, HttpResponse response, HttpFailure failure) {
        if (config.recordRequests()) {
            if (failure == null) {
                session.recordSuccess(bound.name(), start, end);
            } else {
                session.recordFailure(bound.name(), start, end, failure.category(), failure.getMessage());
            }
        }
        if (failure != null && LOG.isDebugEnabled()) {
            LOG.debug("perf-http client '{}': {} failed, {}: {}", config.name(), bound.name(), failure.category(), failure.getMessage());
        }
        return new Outcome(response, failure, start, end);
    }

    // ------------------------------------------------------------------ building requests

    private Bound bind(HttpRequest request) {
        String name = redactor.text(request.name());
        List<Check> checks = request.checks();
        String[] soft = new String[checks.size()];
        for (int i = 0; i < soft.length; i++) {
            if (checks.get(i).isSoft()) {
                soft[i] = name + " soft check failed: " + checks.get(i).describe(redactor);
            }
        }
        Request prebuilt = request.isDynamic() ? null : build(null, request);
        return new Bound(this, name, HttpTimings.statisticName(name, HttpTimings.BLOCKED), HttpTimings.statisticName(name, HttpTimings.DNS),
                HttpTimings.statisticName(name, HttpTimings.CONNECT), HttpTimings.statisticName(name, HttpTimings.TLS),
                HttpTimings.statisticName(name, HttpTimings.SENDING), HttpTimings.statisticName(name, HttpTimings.WAITING),
                HttpTimings.statisticName(name, HttpTimings.RECEIVING), name + " retry", soft, prebuilt);
    }

    /** Builds the OkHttp request; {@code session} is null only for a static request. */
    private Request build(Session session, HttpRequest request) {
        String where = "request[" + request.name() + "]";
        Request.Builder b = new Request.Builder().url(url(session, request, where)).headers(defaultHeaders);
        for (HttpRequest.Param h : request.headers()) {
            b.header(h.name(), h.value(session, where));
        }
        return b.method(request.method(), body(session, request, where)).build();
    }

    private HttpUrl url(Session session, HttpRequest request, String where) {
        var template = request.template();
        String path = template.expand(variable -> variable(session, request, variable, where));
        String full;
        if (template.isAbsolute()) {
            full = path;
        } else {
            full = config.baseUrl().orElseThrow(() -> new IllegalStateException(
                    where + ": the path is relative, but client '" + config.name() + "' has no baseUrl")) + path;
        }
        HttpUrl url = HttpUrl.parse(full);
        if (url == null) {
            throw new IllegalStateException(where + ": not a valid URL: " + redactor.text(full));
        }
        if (!request.query().isEmpty()) {
            HttpUrl.Builder u = url.newBuilder();
            for (HttpRequest.Param q : request.query()) {
                u.addQueryParameter(q.name(), q.value(session, where));
            }
            url = u.build();
        }
        return url;
    }

    private static String variable(Session session, HttpRequest request, String variable, String where) {
        Function<Session, ?> f = request.pathParams().get(variable);
        Object value;
        if (f != null) {
            value = f.apply(session);
        } else {
            value = null;
            for (SessionKey<Object> key : request.variableKeys()) {
                if (key.name().equals(variable)) {
                    value = session.find(key).orElse(null);
                    break;
                }
            }
            if (value == null) {
                throw new IllegalStateException(where + ": path variable {" + variable + "} has no value: set the session variable '"
                        + variable + "' or give pathParam(\"" + variable + "\", ...)");
            }
        }
        if (value == null) {
            throw new IllegalStateException(where + ": pathParam(\"" + variable + "\") returned null");
        }
        return String.valueOf(value);
    }

    private RequestBody body(Session session, HttpRequest request, String where) {
        HttpRequest.Body body = request.body();
        if (body == null) {
            return switch (request.method()) {
                case "POST", "PUT", "PATCH", "PROPPATCH", "REPORT" -> EMPTY_BODY;
                default -> null;
            };
        }
        MediaType type = MediaType.get(body.contentType);
        return switch (body.kind) {
            case HttpRequest.Body.TEXT -> {
                if (body.bytes != null) {
                    yield RequestBody.create(body.bytes, type);
                }
                String text = body.text.apply(session);
                if (text == null) {
                    throw new IllegalStateException(where + ": the body function returned null");
                }
                yield RequestBody.create(text.getBytes(StandardCharsets.UTF_8), type);
            }
            case HttpRequest.Body.BYTES -> RequestBody.create(body.bytes, type);
            case HttpRequest.Body.FORM -> {
                FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
                for (HttpRequest.Param field : body.form) {
                    form.add(field.name(), field.value(session, where));
                }
                yield form.build();
            }
            default -> {
                Object value = body.json.apply(session);
                if (value == null) {
                    throw new IllegalStateException(where + ": the JSON body function returned null");
                }
                try {
                    yield RequestBody.create(config.objectMapper().writeValueAsBytes(value), type);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(where + ": the JSON body could not be written: " + e.getOriginalMessage(), e);
                }
            }
        };
    }

    // ------------------------------------------------------------------ per virtual user

    private UserState user(Session session) {
        if (sharedState != null) {
            return sharedState;
        }
        UserState user = session.find(stateKey).orElse(null);
        if (user == null) {
            user = UserState.create(client, config.cookies(), config.timings());
            session.set(stateKey, user);
        }
        return user;
    }

    /**
     * Returns the value of a cookie the virtual user holds.
     *
     * @param session the user's session
     * @param name    the cookie's name
     * @return the value, or empty (also when cookies are off)
     */
    public Optional<String> cookie(Session session, String name) {
        UserState user = user(session);
        return user.cookies() == null ? Optional.empty() : user.cookies().value(name);
    }

    /**
     * Returns the names of the cookies the virtual user holds, in the order they were set.
     *
     * @param session the user's session
     * @return the names, empty when cookies are off
     */
    public List<String> cookieNames(Session session) {
        UserState user = user(session);
        return user.cookies() == null ? List.of() : user.cookies().names();
    }

    /**
     * Forgets the virtual user's cookies, as a user closing the browser.
     *
     * @param session the user's session
     */
    public void clearCookies(Session session) {
        UserState user = user(session);
        if (user.cookies() != null) {
            user.cookies().clear();
        }
    }

    // ------------------------------------------------------------------ pool

    /** Returns the connections open in the pool, in use or idle. */
    public int connectionCount() {
        return client.connectionPool().connectionCount();
    }

    /** Returns the idle connections in the pool. */
    public int idleConnectionCount() {
        return client.connectionPool().idleConnectionCount();
    }

    /**
     * Adds this client's pool figures to a run's gauges, sampled every interval:
     * {@code <name>.connections} (open), {@code <name>.connections.idle}, and with
     * {@link HttpConfig#maxConnections()} set, {@code <name>.connections.waiting} (requests waiting
     * for a slot).
     *
     * @param options the run options being built
     * @return {@code options}
     */
    public RunOptions.Builder addGauges(RunOptions.Builder options) {
        Require.notNull("http[" + config.name() + "]", "options", options);
        options.addGauge(config.name() + ".connections", this::connectionCount);
        options.addGauge(config.name() + ".connections.idle", this::idleConnectionCount);
        if (permits != null) {
            options.addGauge(config.name() + ".connections.waiting", permits::getQueueLength);
        }
        return options;
    }

    /** Closes the pool's connections and stops the dispatcher's threads. Idempotent. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "Http{" + config + "}";
    }

    /** For tests: the configured default headers. */
    Map<String, List<String>> defaultHeaders() {
        return defaultHeaders.toMultimap();
    }
}
