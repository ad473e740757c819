package dev.perfkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket and Jackson: commands with
 * their replies, and every event kept for the test to inspect. Flat sessions: a command sent with
 * a session id goes to that page.
 */
final class DevToolsClient implements AutoCloseable {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private record Waiter(Predicate<JsonNode> matches, CompletableFuture<JsonNode> event) {
    }

    private DevToolsClient(URI browser) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(browser, new Listener()).get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Connects to the browser's DevTools endpoint, {@code ws://127.0.0.1:<port>/devtools/browser/<id>}. */
    static DevToolsClient connect(URI browser) throws Exception {
        return new DevToolsClient(browser);
    }

    ObjectNode params() {
        return json.createObjectNode();
    }

    /**
     * Sends a command and waits for its reply.
     *
     * @return the reply's {@code result}
     * @throws IOException if the browser answers with an error
     */
    JsonNode call(String sessionId, String method, ObjectNode params) throws Exception {
        long id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(json.writeValueAsString(message), true).get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Returns a future of the first event, from now on or already received, that matches. */
    CompletableFuture<JsonNode> event(Predicate<JsonNode> matches) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        waiters.add(new Waiter(matches, future));
        events.stream().filter(matches).findFirst().ifPresent(future::complete);
        return future;
    }

    /** Returns every event received so far. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            JsonNode message;
            try {
                message = json.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException("devTools: unreadable message " + text, e);
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asLong());
                if (reply != null) {
                    reply.complete(message);
                }
                return;
            }
            events.add(message);
            for (Waiter w : waiters) {
                if (w.matches().test(message)) {
                    w.event().complete(message);
                }
            }
        }
    }
}
