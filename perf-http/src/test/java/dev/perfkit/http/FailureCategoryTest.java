package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every failure category comes from a real cause on loopback, and is counted with its messages. */
class FailureCategoryTest {

    private static TestServer server;
    private static SilentServer silent;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        silent = new SilentServer();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        silent.close();
    }

    private static HttpFailure failureOf(Http http, HttpRequest request) {
        RecordingSession session = new RecordingSession();
        HttpFailure[] thrown = new HttpFailure[1];
        assertThatThrownBy(() -> http.execute(session, request)).isInstanceOfSatisfying(HttpFailure.class, f -> thrown[0] = f);
        assertThat(session.requests()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("failure");
            assertThat(e.category()).isEqualTo(thrown[0].category());
            assertThat(e.message()).isEqualTo(thrown[0].getMessage());
        });
        return thrown[0];
    }

    @Test
    void shouldReportConnectionRefusedWhenNothingListens() throws IOException {
        int port = closedPort();
        try (Http http = Http.create(HttpConfig.of("http://127.0.0.1:" + port))) {
            HttpFailure f = failureOf(http, HttpRequest.get("/"));

            assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.CONNECTION_REFUSED);
            assertThat(f.getMessage()).startsWith("GET /: ConnectException: Failed to connect to /127.0.0.1:" + port);
        }
    }

    @Test
    void shouldReportConnectTimeoutWhenServerBacklogIsFull() throws IOException {
        try (FullBacklog full = new FullBacklog();
             Http http = Http.create(HttpConfig.custom().baseUrl("http://127.0.0.1:" + full.port())
                     .connectTimeout(Duration.ofMillis(300)).build())) {
            HttpFailure f = failureOf(http, HttpRequest.get("/"));

            assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.CONNECT_TIMEOUT);
            assertThat(f.getMessage()).startsWith("GET /: SocketTimeoutException");
        }
    }

    @Test
    void shouldReportConnectTimeoutFromMessageWhenTimingsAreOff() throws IOException {
        try (FullBacklog full = new FullBacklog();
             Http http = Http.create(HttpConfig.custom().baseUrl("http://127.0.0.1:" + full.port())
                     .connectTimeout(Duration.ofMillis(300)).timings(false).build())) {
            assertThat(failureOf(http, HttpRequest.get("/")).httpCategory()).isEqualTo(HttpFailureCategory.CONNECT_TIMEOUT);
        }
    }

    @Test
    void shouldReportReadTimeoutWhenServerNeverAnswers() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl("http://127.0.0.1:" + silent.port())
                .readTimeout(Duration.ofMillis(300)).build())) {
            HttpFailure f = failureOf(http, HttpRequest.get("/never"));

            assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.READ_TIMEOUT);
            assertThat(f.getMessage()).startsWith("GET /never: SocketTimeoutException");
        }
    }

    @Test
    void shouldReportWriteTimeoutWhenServerNeverReadsTheBody() {
        byte[] body = new byte[64 << 20];
        try (Http http = Http.create(HttpConfig.custom().baseUrl("http://127.0.0.1:" + silent.port())
                .writeTimeout(Duration.ofMillis(300)).readTimeout(Duration.ofSeconds(30)).build())) {
            HttpFailure f = failureOf(http, HttpRequest.post("/upload").body(body, "application/octet-stream"));

            assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.WRITE_TIMEOUT);
        }
    }

    @Test
    void shouldReportCallTimeoutWhenWholeCallTakesTooLong() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(server.url()).callTimeout(Duration.ofMillis(200)).build())) {
            HttpFailure f = failureOf(http, HttpRequest.get("/slow").queryParam("ms", "3000"));

            assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.CALL_TIMEOUT);
            assertThat(f.getMessage()).startsWith("GET /slow: InterruptedIOException: timeout");
        }
    }

    @Test
    void shouldUseRequestCallTimeoutWhenRequestSetsOne() {
        try (Http http = Http.create(HttpConfig.of(server.url()))) {
            HttpFailure f = failureOf(http, HttpRequest.get("/slow").queryParam("ms", "3000").callTimeout(Duration.ofMillis(200)));

            assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.CALL_TIMEOUT);
        }
    }

    @Test
    void shouldReportTlsWhenHttpsMeetsPlainServer() throws IOException {
        try (PlainSpeaker plain = new PlainSpeaker();
             Http http = Http.create(HttpConfig.of("https://127.0.0.1:" + plain.port()))) {
            HttpFailure f = failureOf(http, HttpRequest.get("/hello"));

            assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.TLS);
            assertThat(f.getMessage()).matches("GET /hello: SSL\\w*Exception: .*");
        }
    }

    @Test
    void shouldReportIoWhenServerAnswersGarbage() throws IOException {
        try (MockWebServer garbage = new MockWebServer()) {
            garbage.start(InetAddress.getLoopbackAddress(), 0);
            garbage.enqueue(new MockResponse.Builder().status("GARBAGE 200 NOT-HTTP").build());
            try (Http http = Http.create(HttpConfig.custom().baseUrl(garbage.url("/").toString())
                    .protocol(HttpProtocol.HTTP_1_1).build())) {
                HttpFailure f = failureOf(http, HttpRequest.get("/"));

                assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.IO);
                assertThat(f.getMessage()).startsWith("GET /: ProtocolException: Unexpected status line: GARBAGE 200 NOT-HTTP");
            }
        }
    }

    @Test
    void shouldCountEveryCategoryWithMessagesWhenOneRunMeetsThemAll() throws Exception {
        int refusedPort = closedPort();
        try (FullBacklog full = new FullBacklog();
             PlainSpeaker plain = new PlainSpeaker();
             Http local = Http.create(HttpConfig.custom().baseUrl(server.url()).callTimeout(Duration.ofSeconds(10)).build());
             Http refused = Http.create(HttpConfig.of("http://127.0.0.1:" + refusedPort));
             Http backlog = Http.create(HttpConfig.custom().baseUrl("http://127.0.0.1:" + full.port())
                     .connectTimeout(Duration.ofMillis(200)).build());
             Http mute = Http.create(HttpConfig.custom().baseUrl("http://127.0.0.1:" + silent.port())
                     .readTimeout(Duration.ofMillis(200)).build());
             Http tls = Http.create(HttpConfig.of("https://127.0.0.1:" + plain.port()))) {
            HttpRequest any = HttpRequest.get("/").name("any");
            List<Throwable> unexpected = new CopyOnWriteArrayList<>();
            Scenario all = Scenario.named("failures").users(1).iterationsPerUser(2)
                    .task(1, "all", s -> {
                        for (Runnable r : List.<Runnable>of(
                                () -> refused.execute(s, any),
                                () -> backlog.execute(s, any),
                                () -> mute.execute(s, any),
                                () -> tls.execute(s, any),
                                () -> local.execute(s, HttpRequest.get("/status/404").name("any")),
                                () -> local.execute(s, HttpRequest.get("/status/500").name("any")),
                                () -> local.execute(s, HttpRequest.get("/json").name("any").check(Check.json("/id", 1))),
                                () -> local.execute(s, HttpRequest.get("/hello").name("any")))) {
                            try {
                                r.run();
                            } catch (HttpFailure expected) {
                                // counted by the adapter
                            } catch (RuntimeException e) {
                                unexpected.add(e);
                            }
                        }
                    });

            RunResult result = LoadTest.run(all);

            assertThat(unexpected).isEmpty();
            SampleStats stats = result.sample("any").orElseThrow();
            assertThat(stats.count()).isEqualTo(16);
            assertThat(stats.failures()).isEqualTo(14);
            assertThat(stats.failureSummaries()).extracting(FailureSummary::category).containsExactlyInAnyOrder(
                    "connection_refused", "connect_timeout", "read_timeout", "tls", "http_4xx", "http_5xx", "check");
            assertThat(stats.failureSummaries()).allSatisfy(f -> {
                assertThat(f.count()).isEqualTo(2);
                assertThat(f.messages().stream().mapToLong(FailureSummary.MessageCount::count).sum()).isEqualTo(2);
                if (!f.category().endsWith("_timeout")) {
                    // A timeout's text depends on which of OkHttp's timers fired first (the socket's
                    // or Okio's watchdog), which a busy machine can change between the two calls.
                    assertThat(f.messages()).singleElement().satisfies(m -> assertThat(m.count()).isEqualTo(2));
                }
            });
        }
    }

    // ------------------------------------------------------------------ real causes

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * A listening socket that never accepts, whose accept queue is filled first: the kernel then
     * drops further SYNs, so a new connection can only time out.
     */
    static final class FullBacklog implements AutoCloseable {
        private final ServerSocket listener;
        private final List<Socket> fillers = new ArrayList<>();

        FullBacklog() throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            for (int i = 0; i < 32; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 200);
                    fillers.add(s);
                } catch (SocketTimeoutException e) {
                    s.close();
                    return;
                }
            }
            throw new IllegalStateException("the accept queue never filled up: cannot make a connect timeout here");
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket s : fillers) {
                s.close();
            }
            listener.close();
        }
    }

    /**
     * A plain HTTP/1.1 speaker that answers every connection at once with a 400 and closes it, as
     * a plain server does when a TLS client hello arrives: the TLS mismatch of an {@code https} URL
     * pointing at a plain port.
     */
    static final class PlainSpeaker implements AutoCloseable {
        private final ServerSocket listener;

        PlainSpeaker() throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("plain-speaker").start(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        if (listener.isClosed()) {
                            return;
                        }
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    /** Accepts connections and reads nothing, answers nothing, until closed. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket listener;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            listener.setReceiveBufferSize(64 * 1024);
            Thread.ofVirtual().name("silent-server").start(() -> {
                while (!listener.isClosed()) {
                    try {
                        accepted.add(listener.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
