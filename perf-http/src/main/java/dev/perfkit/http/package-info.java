/**
 * perf-http: HTTP requests inside perfkit tasks, on OkHttp, each recorded as a sample with its
 * phases, checked, and correlated through the virtual user's session.
 *
 * <h2>A client per target</h2>
 * An {@link dev.perfkit.http.Http} client is made once from an immutable
 * {@link dev.perfkit.http.HttpConfig} (base URL, default headers, timeouts, pool size,
 * {@link dev.perfkit.http.HttpProtocol}, TLS trust or an explicit insecure mode, cookies, timings)
 * and shared by every virtual user. One OkHttp connection pool serves them all, with no per-host
 * request limit; each virtual user gets its own cookie jar and phase listener in its session.
 *
 * <h2>Requests as values</h2>
 * An {@link dev.perfkit.http.HttpRequest} is a copy-on-write value defined once: method, a path
 * template whose {@code {variables}} come from the session, query parameters, headers, a body
 * (text, bytes, form, JSON from any object through Jackson), {@link dev.perfkit.http.Check}s
 * (status, header, body, JSON Pointer, response time; hard or soft),
 * {@link dev.perfkit.http.Extract}ions into session variables (JSON, header, regex, cookie), and
 * optional Resilience4j decorators (retry, circuit breaker, rate limiter, bulkhead). Whole tasks
 * can be decorated with {@link dev.perfkit.http.Resilience}.
 *
 * <pre>{@code
 * Http http = Http.create(HttpConfig.of("http://127.0.0.1:8080"));
 * HttpRequest login = HttpRequest.post("/login").formParam("user", s -> "u" + s.userId()).formParam("password", "pw")
 *     .check(Check.status(200)).extract(Extract.json("/token").into(TOKEN));
 * HttpRequest orders = HttpRequest.get("/orders").header("Authorization", s -> "Bearer " + s.get(TOKEN))
 *     .check(Check.status(200), Check.json("/items"));
 * Scenario scenario = Scenario.named("shop").users(20).hold(Duration.ofSeconds(30))
 *     .userType(UserType.named("buyer").onStart(s -> http.execute(s, login)).task(1, "orders", http.task(orders)));
 * }</pre>
 *
 * <h2>What is recorded</h2>
 * <ul>
 *   <li>each request as a {@code REQUEST} sample named after the method and path template
 *       ({@code "GET /users/{id}"}): success, or failure with an
 *       {@link dev.perfkit.http.HttpFailureCategory} and a redacted message;</li>
 *   <li>its phases as {@code TIMING} statistics, out of the totals: {@code "<name> dns"},
 *       {@code connect}, {@code tls} (new connections only), {@code sending}, {@code waiting}
 *       (time to first byte), {@code receiving}, and {@code blocked} under a connection cap
 *       ({@link dev.perfkit.http.HttpTimings});</li>
 *   <li>retries as {@code "<name> retry"} and soft-check failures as
 *       {@code "<name> soft check failed: <check>"}, timing statistics whose counts are the
 *       events;</li>
 *   <li>the pool as gauges, with {@link dev.perfkit.http.Http#addGauges}.</li>
 * </ul>
 *
 * <h2>Secrets</h2>
 * The values of {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and
 * {@code Set-Cookie} headers, of parameters whose names contain password, passwd, token or
 * secret, and of URL user information never reach a failure message, a log line, a sample name or
 * a {@code toString()}; more names can be added in the configuration.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>In the open model, perf-core does not tell adapters a sample's intended start, so request
 *       samples are timed from when they were sent; the task's own sample is timed from the
 *       intended start. When every task is one request,
 *       {@link dev.perfkit.http.HttpConfig.Builder#recordRequests(boolean) recordRequests(false)}
 *       makes the task's sample the request's, as the ad-hoc command does.</li>
 *   <li>Bodies are read into memory, up to {@link dev.perfkit.http.HttpConfig#maxBodyBytes()};
 *       streaming and WebSocket are not covered.</li>
 * </ul>
 *
 * <h2>The ad-hoc command</h2>
 * {@link dev.perfkit.http.HttpLoadCommand} loads one URL from the command line, closed or open
 * model, and prints progress and a summary.
 */
package dev.perfkit.http;
