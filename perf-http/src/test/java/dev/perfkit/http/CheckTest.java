package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks pass and fail correctly against real responses. */
class CheckTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = Http.create(HttpConfig.of(server.url()));
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    static List<Check> passingOnJson() {
        return List.of(
                Check.status(200),
                Check.statusIn(200, 204),
                Check.statusBetween(200, 299),
                Check.header("Content-Type"),
                Check.header("content-type", "application/json"),
                Check.headerMatches("Content-Type", "^application/"),
                Check.bodyContains("\"name\":\"Ada\""),
                Check.bodyMatches("\"id\":\\d+"),
                Check.json("/name"),
                Check.json("/items/1/sku"),
                Check.json("/id", 17),
                Check.json("/id", 17.0),
                Check.json("/id", 17L),
                Check.json("/ratio", 0.5),
                Check.json("/name", "Ada"),
                Check.json("/active", true),
                Check.json("/nothing", null),
                Check.json("/items/0", JsonNodeFactory.instance.objectNode().put("id", 1).put("sku", "A-1")),
                Check.responseTimeBelow(Duration.ofMinutes(1)),
                Check.that("has two items", r -> r.json().get("items").size() == 2));
    }

    @ParameterizedTest
    @MethodSource("passingOnJson")
    void shouldPassWhenResponseMeetsCheck(Check check) {
        RecordingSession session = new RecordingSession();

        http.execute(session, HttpRequest.get("/json").check(check));

        assertThat(session.requests()).singleElement().extracting(RecordingSession.Event::kind).isEqualTo("success");
    }

    static List<Object[]> failingOnJson() {
        return List.of(
                new Object[] {Check.status(201), "check", "status is 201, was 200"},
                new Object[] {Check.statusIn(201, 204), "check", "status in [201, 204], was 200"},
                new Object[] {Check.statusBetween(300, 399), "check", "status in 300..399, was 200"},
                new Object[] {Check.header("ETag"), "check", "header ETag is present, was absent"},
                new Object[] {Check.header("Content-Type", "text/html"), "check", "header Content-Type is \"text/html\", was \"application/json\""},
                new Object[] {Check.headerMatches("Content-Type", "xml"), "check", "header Content-Type matches \"xml\", was \"application/json\""},
                new Object[] {Check.bodyContains("Grace"), "check", "body contains \"Grace\", not found in " + TestServer.JSON.length() + " body bytes"},
                new Object[] {Check.bodyMatches("\"id\":\"\\d+\""), "check", "body matches \"\"id\":\"\\d+\"\", no match in " + TestServer.JSON.length() + " body bytes"},
                new Object[] {Check.json("/missing"), "check", "json /missing is present, was absent"},
                new Object[] {Check.json("/nothing"), "check", "json /nothing is present, was null"},
                new Object[] {Check.json("/id", 18), "check", "json /id is 18, was 17"},
                new Object[] {Check.json("/id", "17"), "check", "json /id is \"17\", was 17"},
                new Object[] {Check.json("/name", "Grace"), "check", "json /name is \"Grace\", was \"Ada\""},
                new Object[] {Check.json("/active", false), "check", "json /active is false, was true"},
                new Object[] {Check.json("/items/5/id", 1), "check", "json /items/5/id is 1, was absent"},
                new Object[] {Check.responseTimeBelow(Duration.ofNanos(1)), "check", "response time < 1ns, was "},
                new Object[] {Check.that("has three items", r -> r.json().get("items").size() == 3), "check", "has three items, was false"},
                new Object[] {Check.that("never throws", r -> {
                    throw new IllegalStateException("boom");
                }), "check", "never throws, threw IllegalStateException: boom"});
    }

    @ParameterizedTest
    @MethodSource("failingOnJson")
    void shouldFailWithCategoryAndDescriptionWhenResponseMissesCheck(Check check, String category, String message) {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/json").check(check)))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.category()).isEqualTo(category);
                    assertThat(f.getMessage()).startsWith("GET /json: " + message);
                    assertThat(f.response()).isPresent();
                });
        assertThat(session.requests()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("failure");
            assertThat(e.category()).isEqualTo(category);
            assertThat(e.message()).startsWith("GET /json: " + message);
        });
    }

    @Test
    void shouldFailWithHttpCategoryWhenNoStatusCheckAndStatusIs4xxOr5xx() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/status/404")))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.HTTP_4XX));
        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/status/503")))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.HTTP_5XX));
        http.execute(session, HttpRequest.get("/status/204"));
        http.execute(session, HttpRequest.get("/status/302").name("moved"));

        assertThat(session.requests()).extracting(RecordingSession.Event::category).containsExactly("http_4xx", "http_5xx", null, null);
        assertThat(session.requests().get(0).message()).isEqualTo("GET /status/404: HTTP 404");
    }

    @Test
    void shouldAcceptErrorStatusWhenStatusCheckExpectsIt() {
        RecordingSession session = new RecordingSession();

        HttpResponse r = http.execute(session, HttpRequest.get("/status/404").check(Check.status(404)));

        assertThat(r.status()).isEqualTo(404);
        assertThat(session.requests()).singleElement().extracting(RecordingSession.Event::kind).isEqualTo("success");
    }

    @Test
    void shouldKeepHttpCategoryWhenStatusCheckRejectsErrorStatus() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/status/503").check(Check.status(200))))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.HTTP_5XX);
                    assertThat(f.getMessage()).isEqualTo("GET /status/503: HTTP 503 (status is 200, was 503)");
                });
    }

    @Test
    void shouldStopAtFirstFailedCheckWhenSeveralFail() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/json")
                .check(Check.json("/id", 1), Check.json("/name", "Bob"))))
                .hasMessageStartingWith("GET /json: json /id is 1, was");
    }

    @Test
    void shouldCountButNotFailWhenSoftCheckFails() {
        RecordingSession session = new RecordingSession();
        HttpRequest request = HttpRequest.get("/json").check(
                Check.status(200),
                Check.json("/id", 18).soft(),
                Check.bodyContains("Ada").soft());

        HttpResponse r = http.execute(session, request);
        http.execute(session, request);

        assertThat(r.status()).isEqualTo(200);
        assertThat(session.requests()).extracting(RecordingSession.Event::kind).containsExactly("success", "success");
        assertThat(session.timings()).filteredOn(e -> e.name().equals("GET /json soft check failed: json /id is 18")).hasSize(2);
        assertThat(session.timings()).noneMatch(e -> e.name().contains("body contains"));
    }

    @Test
    void shouldNotFailOnStatusWhenOnlySoftStatusCheckIsGiven() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/status/500").check(Check.status(200).soft())))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.HTTP_5XX));
        assertThat(session.timing("GET /status/500 soft check failed: status is 200")).isPresent();
    }

    @Test
    void shouldFailCheckWhenBodyIsNotJson() {
        assertThatThrownBy(() -> http.execute(new RecordingSession(), HttpRequest.get("/hello").check(Check.json("/x"))))
                .hasMessage("GET /hello: json /x is present, the body is not JSON");
    }

    @Test
    void shouldDescribeChecksWhenAsked() {
        assertThat(Check.status(200).description()).isEqualTo("status is 200");
        assertThat(Check.statusIn(204, 200).description()).isEqualTo("status in [200, 204]");
        assertThat(Check.responseTimeBelow(Duration.ofMillis(250)).description()).isEqualTo("response time < 250ms");
        assertThat(Check.header("Authorization", "Bearer abc").description()).isEqualTo("header Authorization is \"<redacted>\"");
        assertThat(Check.json("/auth/token", "abc").description()).isEqualTo("json /auth/token is <redacted>");
        assertThat(Check.status(200).soft().toString()).isEqualTo("soft check status is 200");
        assertThat(Check.status(200).soft().isSoft()).isTrue();
        assertThat(Check.status(200).checksStatus()).isTrue();
        assertThat(Check.json("/a").checksStatus()).isFalse();
    }

    @Test
    void shouldRejectBadDefinitionsWhenChecksAreMade() {
        assertThatIllegalArgumentException().isThrownBy(() -> Check.status(42))
                .withMessage("check: status must be an HTTP status from 100 to 999, was 42");
        assertThatIllegalArgumentException().isThrownBy(() -> Check.statusBetween(299, 200))
                .withMessage("check: statusBetween needs from <= to, was 299..200");
        assertThatIllegalArgumentException().isThrownBy(Check::statusIn)
                .withMessage("check: statusIn needs at least one status");
        assertThatIllegalArgumentException().isThrownBy(() -> Check.bodyMatches("("))
                .withMessageStartingWith("check: bodyMatches is not a regular expression");
        assertThatIllegalArgumentException().isThrownBy(() -> Check.json("id"))
                .withMessageStartingWith("json: \"id\" is not a JSON Pointer (write /items/0/id)");
        assertThatIllegalArgumentException().isThrownBy(() -> Check.json("/id", List.of(1)))
                .withMessageStartingWith("check: json(\"/id\") compares with a String, Number, Boolean, JsonNode or null");
        assertThatIllegalArgumentException().isThrownBy(() -> Check.responseTimeBelow(Duration.ZERO))
                .withMessage("check: responseTimeBelow must be > 0, was 0s");
        assertThatIllegalArgumentException().isThrownBy(() -> Check.header("Bad Name"))
                .withMessageStartingWith("check: header name must be an HTTP token");
        assertThatIllegalArgumentException().isThrownBy(() -> Check.bodyContains(""))
                .withMessage("check: bodyContains needs a non-empty text");
    }
}
