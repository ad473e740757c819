package dev.perfkit.http;

import dev.perfkit.core.Session;
import dev.perfkit.core.SessionKey;
import dev.perfkit.http.internal.PathTemplate;
import dev.perfkit.http.internal.Redactor;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One request of a load script, defined once and sent by every virtual user: method, path with
 * variables, query parameters, headers, body, checks, extractions and resilience decorators.
 *
 * <pre>{@code
 * static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);
 *
 * HttpRequest login = HttpRequest.post("/login")
 *     .jsonBody(session -> new Credentials("user" + session.userId(), "secret"))
 *     .check(Check.status(200))
 *     .extract(Extract.json("/token").into(TOKEN));
 *
 * HttpRequest user = HttpRequest.get("/users/{id}")              // {id}: session variable "id"
 *     .header("Authorization", session -> "Bearer " + session.get(TOKEN))
 *     .queryParam("fields", "name,email")
 *     .check(Check.status(200), Check.json("/name"));
 *
 * UserType.named("reader")
 *     .onStart(session -> http.execute(session, login))
 *     .task(1, "read-user", session -> {
 *         session.set(ID, session.random().nextInt(1, 1000));
 *         http.execute(session, user);
 *     });
 * }</pre>
 *
 * <h2>Values from the session</h2>
 * A path variable {@code {name}} takes the value of {@link #pathParam(String, Function)} if one is
 * given, otherwise of the session variable of the same name (any type, through
 * {@link String#valueOf(Object)}), percent-encoded as one path segment. Query parameters, headers
 * and bodies take either a constant or a function of the {@link Session}, called for each request
 * on the virtual user's thread.
 *
 * <h2>The sample name</h2>
 * By default the method and the path template as written: {@code "GET /users/{id}"}, never the
 * expanded path, so that {@code /users/17} and {@code /users/18} land in one statistic. Set another
 * with {@link #name(String)}; keep names constant.
 *
 * <h2>Copy-on-write</h2>
 * A request is an immutable value: every method returns a new instance and leaves the receiver
 * unchanged, so a base request can be shared and specialised. Each method checks its argument at
 * once and throws {@link IllegalArgumentException} naming the request and the field. A request
 * with no session-dependent part is built into an OkHttp request once per client and reused.
 */
public final class HttpRequest {

    /** The content type of {@link #body(String)}. */
    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    /** The content type of JSON bodies. */
    public static final String APPLICATION_JSON = "application/json";

    private final String method;
    private final PathTemplate path;
    private final String name;
    private final Map<String, Function<Session, ?>> pathParams;
    private final List<Param> query;
    private final List<Param> headers;
    private final Body body;
    private final List<Check> checks;
    private final List<Extract> extracts;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private final Duration callTimeout;
    private final boolean dynamic;
    private final boolean statusChecked;
    private final List<SessionKey<Object>> variableKeys;
    private volatile Bound bound;

    private HttpRequest(Parts p) {
        this.method = p.method;
        this.path = p.path;
        this.name = p.name;
        this.pathParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(p.pathParams));
        this.query = List.copyOf(p.query);
        this.headers = List.copyOf(p.headers);
        this.body = p.body;
        this.checks = List.copyOf(p.checks);
        this.extracts = List.copyOf(p.extracts);
        this.retry = p.retry;
        this.circuitBreaker = p.circuitBreaker;
        this.rateLimiter = p.rateLimiter;
        this.bulkhead = p.bulkhead;
        this.callTimeout = p.callTimeout;
        this.dynamic = !path.isStatic() || query.stream().anyMatch(Param::dynamic) || headers.stream().anyMatch(Param::dynamic)
                || (body != null && body.dynamic());
        this.statusChecked = checks.stream().anyMatch(c -> c.checksStatus() && !c.isSoft());
        List<SessionKey<Object>> keys = new ArrayList<>();
        for (String v : path.variables()) {
            keys.add(SessionKey.of(v, Object.class));
        }
        this.variableKeys = List.copyOf(keys);
    }

    // ------------------------------------------------------------------ factories

    /**
     * Starts a {@code GET} request.
     *
     * @param path a path below the client's base URL, such as {@code /users/{id}}, or an absolute
     *             {@code http}/{@code https} URL; may hold {@code {variables}} and a query
     * @return the request
     */
    public static HttpRequest get(String path) {
        return method("GET", path);
    }

    /**
     * Starts a {@code POST} request; without a body it sends an empty one.
     *
     * @param path as for {@link #get(String)}
     * @return the request
     */
    public static HttpRequest post(String path) {
        return method("POST", path);
    }

    /**
     * Starts a {@code PUT} request; without a body it sends an empty one.
     *
     * @param path as for {@link #get(String)}
     * @return the request
     */
    public static HttpRequest put(String path) {
        return method("PUT", path);
    }

    /**
     * Starts a {@code PATCH} request; without a body it sends an empty one.
     *
     * @param path as for {@link #get(String)}
     * @return the request
     */
    public static HttpRequest patch(String path) {
        return method("PATCH", path);
    }

    /**
     * Starts a {@code DELETE} request.
     *
     * @param path as for {@link #get(String)}
     * @return the request
     */
    public static HttpRequest delete(String path) {
        return method("DELETE", path);
    }

    /**
     * Starts a {@code HEAD} request.
     *
     * @param path as for {@link #get(String)}
     * @return the request
     */
    public static HttpRequest head(String path) {
        return method("HEAD", path);
    }

    /**
     * Starts an {@code OPTIONS} request.
     *
     * @param path as for {@link #get(String)}
     * @return the request
     */
    public static HttpRequest options(String path) {
        return method("OPTIONS", path);
    }

    /**
     * Starts a request with any method.
     *
     * @param method an HTTP method token, such as {@code "PROPFIND"}; upper-cased
     * @param path   as for {@link #get(String)}
     * @return the request
     * @throws IllegalArgumentException if the method is not a token or the path is malformed
     */
    public static HttpRequest method(String method, String path) {
        Require.token("request", "method", method);
        Require.notBlank("request[" + method + "]", "path", path);
        String m = method.toUpperCase(Locale.ROOT);
        Parts p = new Parts();
        p.method = m;
        p.path = PathTemplate.parse("request[" + m + " " + path + "]", path);
        if (!p.path.isAbsolute() && !path.startsWith("/")) {
            throw new IllegalArgumentException("request[" + m + " " + path + "]: path must start with '/' or be an absolute http(s) URL, was \""
                    + path + "\"");
        }
        if (p.path.template().chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("request[" + m + " " + path + "]: path must not hold spaces or control characters (encode them)");
        }
        return new HttpRequest(p);
    }

    // ------------------------------------------------------------------ copy-on-write setters

    private String where() {
        return "request[" + name() + "]";
    }

    private HttpRequest with(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return new HttpRequest(p);
    }

    /**
     * Sets the sample name under which the request is recorded.
     *
     * @param name non-blank, constant (not built from values that vary)
     * @return the new request
     */
    public HttpRequest name(String name) {
        Require.notBlank(where(), "name", name);
        return with(p -> p.name = name);
    }

    /**
     * Gives a path variable its value from a function of the session, instead of the session
     * variable of the same name.
     *
     * @param variable a variable of the path, without braces
     * @param value    called per request; its result goes through {@link String#valueOf(Object)}, must not be null
     * @return the new request
     * @throws IllegalArgumentException if the path has no such variable
     */
    public HttpRequest pathParam(String variable, Function<Session, ?> value) {
        Require.notNull(where(), "pathParam[" + variable + "]", value);
        if (!path.variables().contains(variable)) {
            throw new IllegalArgumentException(where() + ": path has no variable {" + variable + "}, has " + path.variables());
        }
        return with(p -> p.pathParams.put(variable, value));
    }

    /**
     * Adds a query parameter with a constant value; a name may repeat.
     *
     * @param name  the parameter name, not encoded
     * @param value the value, not encoded
     * @return the new request
     */
    public HttpRequest queryParam(String name, String value) {
        Require.notBlank(where(), "query parameter name", name);
        Require.notNull(where(), "queryParam[" + name + "]", value);
        return with(p -> p.query.add(new Param(name, value, null)));
    }

    /**
     * Adds a query parameter whose value comes from the session.
     *
     * @param name  the parameter name, not encoded
     * @param value called per request; its result goes through {@link String#valueOf(Object)}, must not be null
     * @return the new request
     */
    public HttpRequest queryParam(String name, Function<Session, ?> value) {
        Require.notBlank(where(), "query parameter name", name);
        Require.notNull(where(), "queryParam[" + name + "]", value);
        return with(p -> p.query.add(new Param(name, null, value)));
    }

    /**
     * Sets a header with a constant value, replacing any earlier one of that name and the
     * client's default.
     *
     * @param name  an HTTP header name
     * @param value the value, without line breaks
     * @return the new request
     */
    public HttpRequest header(String name, String value) {
        Require.token(where(), "header name", name);
        Require.headerValue(where(), "header[" + name + "]", value);
        return with(p -> {
            p.headers.removeIf(h -> h.name.equalsIgnoreCase(name));
            p.headers.add(new Param(name, value, null));
        });
    }

    /**
     * Sets a header whose value comes from the session, replacing any earlier one of that name
     * and the client's default.
     *
     * @param name  an HTTP header name
     * @param value called per request; its result goes through {@link String#valueOf(Object)}, must not be null
     * @return the new request
     */
    public HttpRequest header(String name, Function<Session, ?> value) {
        Require.token(where(), "header name", name);
        Require.notNull(where(), "header[" + name + "]", value);
        return with(p -> {
            p.headers.removeIf(h -> h.name.equalsIgnoreCase(name));
            p.headers.add(new Param(name, null, value));
        });
    }

    /**
     * Sets a text body as {@value #TEXT_PLAIN}.
     *
     * @param text the body, sent as UTF-8
     * @return the new request
     */
    public HttpRequest body(String text) {
        return body(text, TEXT_PLAIN);
    }

    /**
     * Sets a text body.
     *
     * @param text        the body, sent as UTF-8
     * @param contentType its content type, such as {@code "application/xml"}
     * @return the new request
     */
    public HttpRequest body(String text, String contentType) {
        Require.notNull(where(), "body", text);
        return withBody(new Body(Body.TEXT, contentType(contentType), text.getBytes(StandardCharsets.UTF_8), null, null, List.of()));
    }

    /**
     * Sets a binary body.
     *
     * @param bytes       the body; copied
     * @param contentType its content type, such as {@code "application/octet-stream"}
     * @return the new request
     */
    public HttpRequest body(byte[] bytes, String contentType) {
        Require.notNull(where(), "body", bytes);
        return withBody(new Body(Body.BYTES, contentType(contentType), bytes.clone(), null, null, List.of()));
    }

    /**
     * Sets a text body made from the session for each request.
     *
     * @param text        called per request; must not return null
     * @param contentType its content type
     * @return the new request
     */
    public HttpRequest body(Function<Session, String> text, String contentType) {
        Require.notNull(where(), "body", text);
        return withBody(new Body(Body.TEXT, contentType(contentType), null, text, null, List.of()));
    }

    /**
     * Adds a field to a form body ({@code application/x-www-form-urlencoded}).
     *
     * @param name  the field name, not encoded
     * @param value the value, not encoded
     * @return the new request
     */
    public HttpRequest formParam(String name, String value) {
        Require.notBlank(where(), "form field name", name);
        Require.notNull(where(), "formParam[" + name + "]", value);
        return withForm(new Param(name, value, null));
    }

    /**
     * Adds a field whose value comes from the session to a form body.
     *
     * @param name  the field name, not encoded
     * @param value called per request; its result goes through {@link String#valueOf(Object)}, must not be null
     * @return the new request
     */
    public HttpRequest formParam(String name, Function<Session, ?> value) {
        Require.notBlank(where(), "form field name", name);
        Require.notNull(where(), "formParam[" + name + "]", value);
        return withForm(new Param(name, null, value));
    }

    /**
     * Sets a JSON body written from any object by the client's Jackson mapper
     * ({@link HttpConfig#objectMapper()}): a record, a map, a list, a {@code JsonNode}. The object
     * is written once per client and the bytes reused, so pass an immutable value; for a body that
     * changes, use {@link #jsonBody(Function)}.
     *
     * @param value the object
     * @return the new request
     */
    public HttpRequest jsonBody(Object value) {
        Require.notNull(where(), "jsonBody", value);
        return withBody(new Body(Body.JSON, APPLICATION_JSON, null, null, s -> value, List.of()).constant());
    }

    /**
     * Sets a JSON body written for each request from an object made from the session.
     *
     * @param value called per request; must not return null
     * @return the new request
     */
    public HttpRequest jsonBody(Function<Session, ?> value) {
        Require.notNull(where(), "jsonBody", value);
        return withBody(new Body(Body.JSON, APPLICATION_JSON, null, null, value, List.of()));
    }

    private HttpRequest withForm(Param field) {
        List<Param> fields = new ArrayList<>(body != null && body.kind == Body.FORM ? body.form : List.of());
        fields.add(field);
        return withBody(new Body(Body.FORM, "application/x-www-form-urlencoded", null, null, null, fields));
    }

    private HttpRequest withBody(Body b) {
        if (method.equals("GET") || method.equals("HEAD")) {
            throw new IllegalArgumentException(where() + ": a " + method + " request cannot have a body");
        }
        if (body != null && body.kind != b.kind) {
            throw new IllegalArgumentException(where() + ": the request already has a " + body.kindName() + " body, cannot add a " + b.kindName() + " one");
        }
        return with(p -> p.body = b);
    }

    private String contentType(String contentType) {
        Require.notBlank(where(), "contentType", contentType);
        if (!contentType.matches("[\\w.+\\-!#$&^]+/[\\w.+\\-!#$&^]+(\\s*;.*)?")) {
            throw new IllegalArgumentException(where() + ": contentType must look like type/subtype, was \"" + contentType + "\"");
        }
        return contentType;
    }

    /**
     * Adds checks, evaluated in order after the response arrived; see {@link Check}.
     *
     * @param checks the checks
     * @return the new request
     */
    public HttpRequest check(Check... checks) {
        Require.notNull(where(), "checks", checks);
        for (Check c : checks) {
            Require.notNull(where(), "check", c);
        }
        return with(p -> p.checks.addAll(List.of(checks)));
    }

    /**
     * Adds extractions, applied in order after the checks passed; see {@link Extract}.
     *
     * @param extracts the extractions
     * @return the new request
     */
    public HttpRequest extract(Extract... extracts) {
        Require.notNull(where(), "extracts", extracts);
        for (Extract e : extracts) {
            Require.notNull(where(), "extract", e);
        }
        return with(p -> p.extracts.addAll(List.of(extracts)));
    }

    /**
     * Retries a failed request with a Resilience4j {@link Retry}: its {@code maxAttempts}, its wait
     * (fixed, exponential backoff, random) and its exception predicate, which sees the
     * {@link HttpFailure} (retry only 5xx with
     * {@code retryOnException(e -> e instanceof HttpFailure f && f.httpCategory() == HttpFailureCategory.HTTP_5XX)}),
     * and its result predicate, which sees the {@link HttpResponse}. Every attempt is a request the
     * target saw and is recorded as a sample; each retry is also counted as a timing statistic
     * {@code "<sample name> retry"} holding the wait before it, so its count is the number of retries.
     *
     * @param retry the retry; its waits park only the virtual user
     * @return the new request
     */
    public HttpRequest retry(Retry retry) {
        Require.notNull(where(), "retry", retry);
        return with(p -> p.retry = retry);
    }

    /**
     * Guards the request with a Resilience4j {@link CircuitBreaker}: while it is open the request is
     * not sent and fails with {@link HttpFailureCategory#CIRCUIT_OPEN}, recorded only as the task's
     * failure (the target saw nothing). Every failed request counts as an error of the breaker,
     * subject to its exception predicates (which see the {@link HttpFailure}).
     *
     * @param circuitBreaker the breaker, usually shared by all virtual users
     * @return the new request
     */
    public HttpRequest circuitBreaker(CircuitBreaker circuitBreaker) {
        Require.notNull(where(), "circuitBreaker", circuitBreaker);
        return with(p -> p.circuitBreaker = circuitBreaker);
    }

    /**
     * Paces the request with a Resilience4j {@link RateLimiter}: a request waits for a permission up
     * to the limiter's timeout, then fails with {@link HttpFailureCategory#RATE_LIMITED} without
     * being sent. The wait is not part of the request's time.
     *
     * @param rateLimiter the limiter, usually shared by all virtual users
     * @return the new request
     */
    public HttpRequest rateLimiter(RateLimiter rateLimiter) {
        Require.notNull(where(), "rateLimiter", rateLimiter);
        return with(p -> p.rateLimiter = rateLimiter);
    }

    /**
     * Caps the concurrent requests of this kind with a Resilience4j {@link Bulkhead}: a request
     * that finds it full (after its maximum wait) fails with {@link HttpFailureCategory#BULKHEAD_FULL}
     * without being sent.
     *
     * @param bulkhead the bulkhead, usually shared by all virtual users
     * @return the new request
     */
    public HttpRequest bulkhead(Bulkhead bulkhead) {
        Require.notNull(where(), "bulkhead", bulkhead);
        return with(p -> p.bulkhead = bulkhead);
    }

    /**
     * Limits this request's whole call, replacing the client's {@link HttpConfig#callTimeout()}.
     *
     * @param timeout {@code >= 0}, zero for none
     * @return the new request
     */
    public HttpRequest callTimeout(Duration timeout) {
        Require.nonNegative(where(), "callTimeout", timeout);
        return with(p -> p.callTimeout = timeout);
    }

    // ------------------------------------------------------------------ accessors

    /** Returns the method, upper case. */
    public String method() {
        return method;
    }

    /** Returns the path template as written. */
    public String path() {
        return path.template();
    }

    /** Returns the sample name: the one set, or the method and the path template (redacted). */
    public String name() {
        return name != null ? name : method + " " + Redactor.defaults().text(path.template());
    }

    /** Returns the checks, in order. */
    public List<Check> checks() {
        return checks;
    }

    /** Returns the extractions, in order. */
    public List<Extract> extracts() {
        return extracts;
    }

    /** Returns the request's own call timeout, if it sets one. */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /** Returns true if some part of the request comes from the session, so it is built per request. */
    public boolean isDynamic() {
        return dynamic;
    }

    /**
     * Describes the request for people: method, path (query values hidden), and the names, never
     * the values, of query parameters and headers, since a request cannot know which of them its
     * client's configuration counts as secret.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HttpRequest{").append(method).append(' ').append(hideQueryValues(path.template()));
        if (name != null) {
            sb.append(", name=").append(Redactor.defaults().text(name));
        }
        if (!query.isEmpty()) {
            sb.append(", query=").append(query.stream().map(Param::name).toList());
        }
        if (!headers.isEmpty()) {
            sb.append(", headers=").append(headers.stream().map(Param::name).toList());
        }
        if (body != null) {
            sb.append(", body=").append(body.kindName());
        }
        if (!checks.isEmpty()) {
            sb.append(", checks=").append(checks);
        }
        if (!extracts.isEmpty()) {
            sb.append(", extracts=").append(extracts);
        }
        return sb.append('}').toString();
    }

    private static String hideQueryValues(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q + 1) + path.substring(q + 1).replaceAll("=[^&#]*", "=" + Redactor.MASK);
    }

    // ------------------------------------------------------------------ for Http

    Map<String, Function<Session, ?>> pathParams() {
        return pathParams;
    }

    PathTemplate template() {
        return path;
    }

    List<SessionKey<Object>> variableKeys() {
        return variableKeys;
    }

    List<Param> query() {
        return query;
    }

    List<Param> headers() {
        return headers;
    }

    Body body() {
        return body;
    }

    boolean statusChecked() {
        return statusChecked;
    }

    Retry retryOrNull() {
        return retry;
    }

    CircuitBreaker circuitBreakerOrNull() {
        return circuitBreaker;
    }

    RateLimiter rateLimiterOrNull() {
        return rateLimiter;
    }

    Bulkhead bulkheadOrNull() {
        return bulkhead;
    }

    Duration callTimeoutOrNull() {
        return callTimeout;
    }

    /** Returns what this request keeps per client (names, the prebuilt request), made on first use. */
    Bound bind(Http client, Function<HttpRequest, Bound> make) {
        Bound b = bound;
        if (b == null || b.client() != client) {
            b = make.apply(this);
            bound = b;
        }
        return b;
    }

    /**
     * A value: a constant or a function of the session.
     *
     * @param name     the parameter, header or field name
     * @param constant the constant value, or null
     * @param function the function, or null
     */
    record Param(String name, String constant, Function<Session, ?> function) {
        boolean dynamic() {
            return function != null;
        }

        String value(Session session, String where) {
            if (function == null) {
                return constant;
            }
            Object v = function.apply(session);
            if (v == null) {
                throw new IllegalStateException(where + ": the value of " + name + " was null");
            }
            return String.valueOf(v);
        }
    }

    /** A body: its kind, content type and source. */
    static final class Body {
        static final int TEXT = 0;
        static final int BYTES = 1;
        static final int FORM = 2;
        static final int JSON = 3;

        final int kind;
        final String contentType;
        final byte[] bytes;
        final Function<Session, String> text;
        final Function<Session, ?> json;
        final List<Param> form;
        final boolean constantJson;

        Body(int kind, String contentType, byte[] bytes, Function<Session, String> text, Function<Session, ?> json, List<Param> form) {
            this(kind, contentType, bytes, text, json, form, false);
        }

        private Body(int kind, String contentType, byte[] bytes, Function<Session, String> text, Function<Session, ?> json,
                     List<Param> form, boolean constantJson) {
            this.kind = kind;
            this.contentType = contentType;
            this.bytes = bytes;
            this.text = text;
            this.json = json;
            this.form = List.copyOf(form);
            this.constantJson = constantJson;
        }

        Body constant() {
            return new Body(kind, contentType, bytes, text, json, form, true);
        }

        boolean dynamic() {
            return switch (kind) {
                case TEXT -> text != null;
                case BYTES -> false;
                case FORM -> form.stream().anyMatch(Param::dynamic);
                default -> !constantJson;
            };
        }

        String kindName() {
            return switch (kind) {
                case TEXT -> "text";
                case BYTES -> "binary";
                case FORM -> "form";
                default -> "json";
            };
        }
    }

    /** The mutable copy that the copy-on-write setters change. */
    private static final class Parts {
        String method;
        PathTemplate path;
        String name;
        final Map<String, Function<Session, ?>> pathParams = new LinkedHashMap<>();
        final List<Param> query = new ArrayList<>();
        final List<Param> headers = new ArrayList<>();
        Body body;
        final List<Check> checks = new ArrayList<>();
        final List<Extract> extracts = new ArrayList<>();
        Retry retry;
        CircuitBreaker circuitBreaker;
        RateLimiter rateLimiter;
        Bulkhead bulkhead;
        Duration callTimeout;

        Parts() {
        }

        Parts(HttpRequest r) {
            method = r.method;
            path = r.path;
            name = r.name;
            pathParams.putAll(r.pathParams);
            query.addAll(r.query);
            headers.addAll(r.headers);
            body = r.body;
            checks.addAll(r.checks);
            extracts.addAll(r.extracts);
            retry = r.retry;
            circuitBreaker = r.circuitBreaker;
            rateLimiter = r.rateLimiter;
            bulkhead = r.bulkhead;
            callTimeout = r.callTimeout;
        }
    }
}
