package dev.perfkit.examples.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The HTTP API: routes each request, checks its token, runs its SQL through {@link DemoQueries}
 * and answers JSON. Errors are JSON too: {@code {"error": "..."}} with 400, 401, 404, 405, 503
 * (no connection came free in time) or 500 (anything else, without details).
 */
final class DemoApi implements HttpHandler {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper json = JsonMapper.builder().build();
    private final DemoQueries queries;
    private final Tokens tokens;
    private final ResponseCache cache;
    private final ReportInput reportInput = new ReportInput();

    DemoApi(DemoQueries queries, Tokens tokens, ResponseCache cache) {
        this.queries = queries;
        this.tokens = tokens;
        this.cache = cache;
    }

    /** A response: its status and what becomes its JSON body. */
    private record Reply(int status, Object body) {
        static Reply ok(Object body) {
            return new Reply(200, body);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try (exchange) {
            try {
                reply = route(exchange);
            } catch (ApiError e) {
                if (e.status() == 401) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"demo\"");
                }
                reply = new Reply(e.status(), Map.of("error", e.getMessage()));
            } catch (SQLTransientConnectionException e) {
                reply = new Reply(503, Map.of("error", "database busy: no connection within "
                        + DemoDatabase.CONNECTION_TIMEOUT.toMillis() + " ms"));
            } catch (SQLException | RuntimeException e) {
                reply = new Reply(500, Map.of("error", "internal error"));
            }
            send(exchange, reply);
        }
    }

    private Reply route(HttpExchange exchange) throws SQLException, IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        QueryParams params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
        if (path.equals("/health")) {
            allow(exchange, "GET");
            return Reply.ok(Map.of("status", "UP"));
        }
        if (path.equals("/auth/verify")) {
            allow(exchange, "GET");
            long userId = authenticate(exchange);
            return Reply.ok(queries.user(userId).orElseThrow(() -> ApiError.unauthorized("unknown user " + userId)));
        }
        if (path.equals("/dashboard")) {
            allow(exchange, "GET");
            return Reply.ok(queries.dashboard(authenticate(exchange)));
        }
        if (path.equals("/reports")) {
            allow(exchange, "GET", "POST");
            long userId = authenticate(exchange);
            if (method.equals("POST")) {
                ReportInput.Draft draft = reportInput.read(readJson(exchange));
                long id = queries.create(userId, draft.title(), draft.category(), draft.amount());
                exchange.getResponseHeaders().set("Location", "/reports/" + id);
                return new Reply(201, Map.of("id", id));
            }
            int page = params.intValue("page", 1, 1, Integer.MAX_VALUE);
            int size = params.intValue("size", 20, 1, 100);
            return Reply.ok(queries.page(page, size));
        }
        if (path.startsWith("/reports/")) {
            allow(exchange, "GET");
            authenticate(exchange);
            String raw = path.substring("/reports/".length());
            long id = QueryParams.parseLong("id", raw, 1, Long.MAX_VALUE);
            return Reply.ok(queries.report(id).orElseThrow(() -> ApiError.notFound("no report " + id)));
        }
        if (path.equals("/search")) {
            allow(exchange, "GET");
            authenticate(exchange);
            String q = params.text("q", 1, 100);
            return Reply.ok(Map.of("q", q, "items", queries.search(q)));
        }
        throw ApiError.notFound("no such endpoint: " + path);
    }

    private static void allow(HttpExchange exchange, String... allowed) {
        String method = exchange.getRequestMethod();
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        throw new ApiError(405, "method " + method + " not allowed, use " + String.join(" or ", allowed));
    }

    private long authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized("missing bearer token (Authorization: Bearer <token>)");
        }
        OptionalLong userId = tokens.verify(header.substring(7).strip());
        return userId.orElseThrow(() -> ApiError.unauthorized("invalid token"));
    }

    private JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiError(413, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not JSON: " + e.getOriginalMessage());
        }
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = json.writeValueAsBytes(reply.body());
        cache.keep(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
    }
}
