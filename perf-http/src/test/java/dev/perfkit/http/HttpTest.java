package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.SessionKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sending requests: URLs, headers, bodies, redirects, what is recorded per request. */
class HttpTest {

    private static final SessionKey<Integer> ID = SessionKey.of("id", Integer.class);

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = Http.create(HttpConfig.custom().baseUrl(server.url()).addHeader("X-Client", "perf-http-test").build());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @Test
    void shouldRecordOneSuccessNamedAfterTemplateWhenGetSucceeds() {
        RecordingSession session = new RecordingSession();

        HttpResponse r = http.execute(session, HttpRequest.get("/hello"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello world!");
        assertThat(r.bodyLength()).isEqualTo(12);
        assertThat(r.protocol()).isEqualTo("http/1.1");
        assertThat(session.requests()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("success");
            assertThat(e.name()).isEqualTo("GET /hello");
            assertThat(e.nanos()).isEqualTo(r.timings().totalNanos());
        });
        assertThat(session.timings()).extracting(RecordingSession.Event::name)
                .contains("GET /hello sending", "GET /hello waiting", "GET /hello receiving");
    }

    @Test
    void shouldKeepOneSampleNameWhenPathVariablesDiffer() {
        RecordingSession session = new RecordingSession();
        HttpRequest user = HttpRequest.get("/users/{id}");

        session.set(ID, 17);
        HttpResponse first = http.execute(session, user);
        session.set(ID, 18);
        HttpResponse second = http.execute(session, user);

        assertThat(first.json().get("id").asText()).isEqualTo("17");
        assertThat(second.json().get("id").asText()).isEqualTo("18");
        assertThat(session.requests()).extracting(RecordingSession.Event::name).containsExactly("GET /users/{id}", "GET /users/{id}");
    }

    @Test
    void shouldEncodeVariableAsOneSegmentWhenValueHasSlashesAndSpaces() {
        RecordingSession session = new RecordingSession();

        HttpResponse r = http.execute(session, HttpRequest.get("/users/{id}").pathParam("id", s -> "a/b c?d"));

        assertThat(r.json().get("id").asText()).isEqualTo("a/b c?d");
        assertThat(r.url()).endsWith("/users/a%2Fb%20c%3Fd");
    }

    @Test
    void shouldFailBeforeSendingWhenPathVariableHasNoValue() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/users/{id}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("request[GET /users/{id}]: path variable {id} has no value: set the session variable 'id' or give pathParam(\"id\", ...)");
        assertThat(session.events).isEmpty();
    }

    @Test
    void shouldSendQueryHeadersAndDefaultsWhenRequestHasThem() {
        RecordingSession session = new RecordingSession();
        session.set(ID, 5);

        JsonNode echo = http.execute(session, HttpRequest.get("/echo")
                .queryParam("q", "a b&c")
                .queryParam("page", s -> s.get(ID))
                .header("X-Trace", s -> "t-" + s.userId())
                .header("Accept", "application/json")).json();

        assertThat(echo.get("query").asText()).isEqualTo("q=a%20b%26c&page=5");
        assertThat(echo.at("/headers/x-trace").asText()).isEqualTo("t-1");
        assertThat(echo.at("/headers/x-client").asText()).isEqualTo("perf-http-test");
        assertThat(echo.at("/headers/user-agent").asText()).isEqualTo(HttpConfig.DEFAULT_USER_AGENT);
        assertThat(echo.at("/headers/accept").asText()).isEqualTo("application/json");
    }

    @Test
    void shouldLetRequestHeaderWinWhenClientHasDefaultOfSameName() {
        JsonNode echo = http.execute(new RecordingSession(), HttpRequest.get("/echo").header("x-client", "mine")).json();

        assertThat(echo.at("/headers/x-client").asText()).isEqualTo("mine");
    }

    /** A body type: public, in an exported package, so Jackson may read it from another module. */
    public record Item(String sku, int count) {
    }

    @Test
    void shouldSendEveryKindOfBodyWhenGiven() {
        RecordingSession session = new RecordingSession();

        JsonNode text = http.execute(session, HttpRequest.post("/echo").body("plain text")).json();
        JsonNode bytes = http.execute(session, HttpRequest.put("/echo").body(new byte[] {65, 66}, "application/octet-stream")).json();
        JsonNode form = http.execute(session, HttpRequest.post("/echo").formParam("a", "1 2").formParam("b", s -> s.userId())).json();
        JsonNode json = http.execute(session, HttpRequest.post("/echo").jsonBody(new Item("A-1", 3))).json();
        JsonNode dynamic = http.execute(session, HttpRequest.patch("/echo").jsonBody(s -> Map.of("user", s.userId()))).json();
        JsonNode fromSession = http.execute(session, HttpRequest.post("/echo").body(s -> "user " + s.userId(), "text/csv")).json();
        JsonNode empty = http.execute(session, HttpRequest.post("/echo")).json();

        assertThat(text.get("body").asText()).isEqualTo("plain text");
        assertThat(text.at("/headers/content-type").asText()).isEqualTo(HttpRequest.TEXT_PLAIN);
        assertThat(bytes.get("body").asText()).isEqualTo("AB");
        assertThat(bytes.get("method").asText()).isEqualTo("PUT");
        assertThat(form.get("body").asText()).isEqualTo("a=1+2&b=1");
        assertThat(form.at("/headers/content-type").asText()).startsWith("application/x-www-form-urlencoded");
        assertThat(json.get("body").asText()).isEqualTo("{\"sku\":\"A-1\",\"count\":3}");
        assertThat(json.at("/headers/content-type").asText()).isEqualTo("application/json");
        assertThat(dynamic.get("body").asText()).isEqualTo("{\"user\":1}");
        assertThat(dynamic.get("method").asText()).isEqualTo("PATCH");
        assertThat(fromSession.get("body").asText()).isEqualTo("user 1");
        assertThat(empty.get("body").asText()).isEmpty();
    }

    @Test
    void shouldFollowRedirectWithinOneSampleWhenServerRedirects() {
        RecordingSession session = new RecordingSession();

        HttpResponse r = http.execute(session, HttpRequest.get("/redirect"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello world!");
        assertThat(r.url()).endsWith("/hello");
        assertThat(session.requests()).hasSize(1);
    }

    @Test
    void shouldReturnRedirectWhenRedirectsAreNotFollowed() {
        try (Http noFollow = Http.create(http.config().toBuilder().followRedirects(false).build())) {
            HttpResponse r = noFollow.execute(new RecordingSession(), HttpRequest.get("/redirect"));

            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("location")).contains("/hello");
        }
    }

    @Test
    void shouldKeepOnlyMaxBodyBytesWhenBodyIsLonger() {
        try (Http small = Http.create(http.config().toBuilder().maxBodyBytes(1000).build())) {
            RecordingSession session = new RecordingSession();

            HttpResponse r = small.execute(session, HttpRequest.get("/big").queryParam("bytes", "250000"));

            assertThat(r.bodyLength()).isEqualTo(250_000);
            assertThat(r.bodyBytes()).hasSize(1000);
            assertThat(r.bodyTruncated()).isTrue();
            assertThat(small.idleConnectionCount()).isEqualTo(small.connectionCount());
        }
    }

    @Test
    void shouldSendAbsoluteUrlWhenClientHasNoBaseUrl() {
        try (Http bare = Http.create(HttpConfig.custom().build())) {
            RecordingSession session = new RecordingSession();

            HttpResponse r = bare.execute(session, HttpRequest.get(server.url() + "/hello"));

            assertThat(r.status()).isEqualTo(200);
            assertThatThrownBy(() -> bare.execute(session, HttpRequest.get("/hello")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("request[GET /hello]: the path is relative, but client 'http' has no baseUrl");
        }
    }

    @Test
    void shouldAppendPathToBasePathWhenBaseUrlHasOne() {
        try (Http api = Http.create(HttpConfig.of(server.url() + "/users/"))) {
            HttpResponse r = api.execute(new RecordingSession(), HttpRequest.get("/42"));

            assertThat(r.json().get("id").asText()).isEqualTo("42");
        }
    }

    @Test
    void shouldSendHeadAndOptionsAndDeleteWhenAsked() {
        RecordingSession session = new RecordingSession();

        assertThat(http.execute(session, HttpRequest.head("/hello")).bodyLength()).isZero();
        assertThat(http.execute(session, HttpRequest.delete("/echo")).json().get("method").asText()).isEqualTo("DELETE");
        assertThat(http.execute(session, HttpRequest.options("/echo")).json().get("method").asText()).isEqualTo("OPTIONS");
        assertThat(http.execute(session, HttpRequest.method("propfind", "/echo")).json().get("method").asText()).isEqualTo("PROPFIND");
        assertThat(session.requests()).extracting(RecordingSession.Event::name)
                .containsExactly("HEAD /hello", "DELETE /echo", "OPTIONS /echo", "PROPFIND /echo");
    }

    @Test
    void shouldRecordNothingAsRequestWhenRecordRequestsIsOff() {
        try (Http quiet = Http.create(http.config().toBuilder().recordRequests(false).build())) {
            RecordingSession session = new RecordingSession();

            quiet.execute(session, HttpRequest.get("/hello"));
            assertThatThrownBy(() -> quiet.execute(session, HttpRequest.get("/status/500")))
                    .isInstanceOf(HttpFailure.class)
                    .hasMessage("GET /status/500: HTTP 500");

            assertThat(session.requests()).isEmpty();
            assertThat(session.timings()).isNotEmpty();
        }
    }

    @Test
    void shouldAddPoolGaugesWhenAskedTo() {
        try (Http capped = Http.create(http.config().toBuilder().name("api").maxConnections(3).build())) {
            RunOptions options = capped.addGauges(RunOptions.custom()).build();

            assertThat(options.gauges()).containsOnlyKeys("api.connections", "api.connections.idle", "api.connections.waiting");
            capped.execute(new RecordingSession(), HttpRequest.get("/hello"));
            assertThat(options.gauges().get("api.connections").getAsDouble()).isEqualTo(1);
            assertThat(options.gauges().get("api.connections.idle").getAsDouble()).isEqualTo(1);
            assertThat(options.gauges().get("api.connections.waiting").getAsDouble()).isZero();
        }
    }

    @Test
    void shouldReuseOneConnectionWhenOneUserSendsInSequence() {
        try (Http own = Http.create(http.config())) {
            RecordingSession session = new RecordingSession();

            for (int i = 0; i < 20; i++) {
                own.execute(session, HttpRequest.get("/hello"));
            }

            assertThat(own.connectionCount()).isEqualTo(1);
            assertThat(session.timings()).filteredOn(e -> e.name().equals("GET /hello connect")).hasSize(1);
        }
    }

    @Test
    void shouldExposeHeadersWhenResponseHasThem() {
        HttpResponse r = http.execute(new RecordingSession(), HttpRequest.get("/json"));

        assertThat(r.header("Content-Type")).contains("application/json");
        assertThat(r.headers("content-type")).containsExactly("application/json");
        assertThat(r.headers()).containsKey("content-type");
        assertThat(r.headers().get("content-length")).isEqualTo(List.of(String.valueOf(TestServer.JSON.length())));
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.toString()).startsWith("HttpResponse{GET " + server.url() + "/json -> 200 http/1.1, ");
    }
}
