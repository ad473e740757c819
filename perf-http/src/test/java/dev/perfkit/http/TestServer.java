package dev.perfkit.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP/1.1 server on 127.0.0.1 for the tests: the JDK's {@link HttpServer} with a virtual
 * thread per exchange. Routes:
 * <ul>
 *   <li>{@code /hello}: 200, {@code hello world!} (12 bytes);</li>
 *   <li>{@code /status/N}: status N with a short body;</li>
 *   <li>{@code /echo}: 200, JSON of the method, path, query, headers and body it received;</li>
 *   <li>{@code /json}: a fixed JSON document with an id, a name, a token and items;</li>
 *   <li>{@code /login}: sets a new {@code SESSION} cookie and returns it as {@code {"token": ...}};</li>
 *   <li>{@code /me}: 200 with the {@code SESSION} cookie received, 401 without one;</li>
 *   <li>{@code /users/ID}: 200, {@code {"id": "ID"}};</li>
 *   <li>{@code /slow?ms=N}: waits N ms before answering (the server's time, as a real slow endpoint);</li>
 *   <li>{@code /big?bytes=N}: N bytes of {@code x};</li>
 *   <li>{@code /redirect}: 302 to {@code /hello};</li>
 *   <li>{@code /flaky?key=K&fail=N}: 503 for the first N requests with key K, then 200.</li>
 * </ul>
 */
final class TestServer implements AutoCloseable {

    static final byte[] HELLO = "hello world!".getBytes(StandardCharsets.US_ASCII);
    static final String JSON = "{\"id\":17,\"name\":\"Ada\",\"active\":true,\"ratio\":0.5,\"token\":\"tok-s3cr3t-123\","
            + "\"items\":[{\"id\":1,\"sku\":\"A-1\"},{\"id\":2,\"sku\":\"B-2\"}],\"nothing\":null}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicInteger> flaky = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();
    /** The request headers of every /echo and /me exchange, for the redaction tests. */
    final ConcurrentLinkedQueue<Map<String, List<String>>> seenHeaders = new ConcurrentLinkedQueue<>();

    private TestServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static TestServer start() {
        try {
            return new TestServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestServer startTls(SSLContext context) {
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            s.setHttpsConfigurator(new HttpsConfigurator(context));
            return new TestServer(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (path.equals("/hello")) {
                send(ex, 200, "text/plain", HELLO);
            } else if (path.startsWith("/status/")) {
                int code = Integer.parseInt(path.substring("/status/".length()));
                send(ex, code, "text/plain", ("status " + code).getBytes(StandardCharsets.US_ASCII));
            } else if (path.equals("/echo")) {
                seenHeaders.add(Map.copyOf(ex.getRequestHeaders()));
                send(ex, 200, "application/json", echo(ex, body).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/json")) {
                send(ex, 200, "application/json", JSON.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/login")) {
                String session = UUID.randomUUID().toString();
                ex.getResponseHeaders().add("Set-Cookie", "SESSION=" + session + "; Path=/; HttpOnly");
                send(ex, 200, "application/json", ("{\"token\":\"" + session + "\"}").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/me")) {
                seenHeaders.add(Map.copyOf(ex.getRequestHeaders()));
                String cookie = ex.getRequestHeaders().getFirst("Cookie");
                if (cookie == null || !cookie.contains("SESSION=")) {
                    send(ex, 401, "text/plain", "who are you?".getBytes(StandardCharsets.US_ASCII));
                } else {
                    String session = cookie.substring(cookie.indexOf("SESSION=") + 8).split(";")[0].trim();
                    send(ex, 200, "application/json", ("{\"session\":\"" + session + "\"}").getBytes(StandardCharsets.UTF_8));
                }
            } else if (path.startsWith("/users/")) {
                String id = URLDecoder.decode(path.substring("/users/".length()), StandardCharsets.UTF_8);
                send(ex, 200, "application/json", ("{\"id\":\"" + id.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/slow")) {
                try {
                    Thread.sleep(Long.parseLong(query.getOrDefault("ms", "50")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(ex, 200, "text/plain", HELLO);
            } else if (path.equals("/big")) {
                byte[] big = new byte[Integer.parseInt(query.getOrDefault("bytes", "100000"))];
                java.util.Arrays.fill(big, (byte) 'x');
                send(ex, 200, "text/plain", big);
            } else if (path.equals("/redirect")) {
                ex.getResponseHeaders().add("Location", "/hello");
                send(ex, 302, "text/plain", new byte[0]);
            } else if (path.equals("/flaky")) {
                int failures = Integer.parseInt(query.getOrDefault("fail", "1"));
                int seen = flaky.computeIfAbsent(query.getOrDefault("key", ""), k -> new AtomicInteger()).getAndIncrement();
                if (seen < failures) {
                    send(ex, 503, "text/plain", ("attempt " + (seen + 1) + " fails").getBytes(StandardCharsets.US_ASCII));
                } else {
                    send(ex, 200, "text/plain", HELLO);
                }
            } else {
                send(ex, 404, "text/plain", ("no route " + path).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = body.length == 0 || ex.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
        ex.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String echo(HttpExchange ex, byte[] body) {
        StringBuilder sb = new StringBuilder("{\"method\":\"").append(ex.getRequestMethod()).append("\",\"path\":")
                .append(quote(ex.getRequestURI().getRawPath())).append(",\"query\":")
                .append(quote(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery()))
                .append(",\"headers\":{");
        Headers h = ex.getRequestHeaders();
        String sep = "";
        for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(h).entrySet()) {
            sb.append(sep).append(quote(e.getKey().toLowerCase(java.util.Locale.ROOT))).append(':').append(quote(String.join(",", e.getValue())));
            sep = ",";
        }
        return sb.append("},\"body\":").append(quote(new String(body, StandardCharsets.UTF_8))).append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 32) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
