package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfkit.core.SessionKey;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Extraction into the session feeds the next request (correlation). */
class ExtractTest {

    private static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);
    private static final SessionKey<String> NAME = SessionKey.of("name", String.class);
    private static final SessionKey<Integer> ID = SessionKey.of("id", Integer.class);
    private static final SessionKey<Long> LONG_ID = SessionKey.of("longId", Long.class);
    private static final SessionKey<Double> RATIO = SessionKey.of("ratio", Double.class);
    private static final SessionKey<Boolean> ACTIVE = SessionKey.of("active", Boolean.class);
    private static final SessionKey<JsonNode> ITEMS = SessionKey.of("items", JsonNode.class);
    private static final SessionKey<Object> ANY = SessionKey.of("any", Object.class);
    private static final SessionKey<String> SESSION_COOKIE = SessionKey.of("sessionCookie", String.class);
    private static final SessionKey<String> TYPE = SessionKey.of("type", String.class);

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

    @Test
    void shouldFeedNextRequestWhenValueIsExtracted() {
        RecordingSession session = new RecordingSession();
        HttpRequest login = HttpRequest.post("/login").extract(Extract.json("/token").into(TOKEN));
        HttpRequest echo = HttpRequest.get("/echo").header("Authorization", s -> "Bearer " + s.get(TOKEN));

        HttpResponse loggedIn = http.execute(session, login);
        JsonNode echoed = http.execute(session, echo).json();

        String token = loggedIn.json().get("token").asText();
        assertThat(session.get(TOKEN)).isEqualTo(token);
        assertThat(echoed.at("/headers/authorization").asText()).isEqualTo("Bearer " + token);
    }

    @Test
    void shouldConvertJsonValuesToKeyTypesWhenExtracting() {
        RecordingSession session = new RecordingSession();

        http.execute(session, HttpRequest.get("/json").extract(
                Extract.json("/name").into(NAME),
                Extract.json("/id").into(ID),
                Extract.json("/id").into(LONG_ID),
                Extract.json("/ratio").into(RATIO),
                Extract.json("/active").into(ACTIVE),
                Extract.json("/items").into(ITEMS),
                Extract.json("/items/1/sku").into(ANY)));

        assertThat(session.get(NAME)).isEqualTo("Ada");
        assertThat(session.get(ID)).isEqualTo(17);
        assertThat(session.get(LONG_ID)).isEqualTo(17L);
        assertThat(session.get(RATIO)).isEqualTo(0.5);
        assertThat(session.get(ACTIVE)).isTrue();
        assertThat(session.get(ITEMS).size()).isEqualTo(2);
        assertThat(session.get(ANY)).isEqualTo("B-2");
    }

    @Test
    void shouldExtractFromHeadersRegexesAndCookiesWhenAsked() {
        RecordingSession session = new RecordingSession();

        HttpResponse r = http.execute(session, HttpRequest.post("/login").extract(
                Extract.header("Content-Type").into(TYPE),
                Extract.header("Content-Type").regex("/(\\w+)").into(NAME),
                Extract.regex("\"token\":\"([^\"]+)\"").into(TOKEN),
                Extract.cookie("SESSION").into(SESSION_COOKIE)));

        String token = r.json().get("token").asText();
        assertThat(session.get(TYPE)).isEqualTo("application/json");
        assertThat(session.get(NAME)).isEqualTo("json");
        assertThat(session.get(TOKEN)).isEqualTo(token);
        assertThat(session.get(SESSION_COOKIE)).isEqualTo(token);
        assertThat(http.cookie(session, "SESSION")).contains(token);
        assertThat(http.cookieNames(session)).containsExactly("SESSION");
    }

    @Test
    void shouldFailAsCheckWhenValueIsMissing() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/json").extract(Extract.json("/missing").into(NAME))))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.CHECK);
                    assertThat(f.getMessage()).isEqualTo("GET /json: extract json /missing into 'name': not found");
                });
        assertThat(session.requests()).singleElement().extracting(RecordingSession.Event::category).isEqualTo("check");
        assertThat(session.find(NAME)).isEmpty();
    }

    @Test
    void shouldLeaveVariableWhenOptionalExtractionFindsNothing() {
        RecordingSession session = new RecordingSession();
        session.set(NAME, "before");

        http.execute(session, HttpRequest.get("/json").extract(Extract.json("/missing").into(NAME).optional()));

        assertThat(session.get(NAME)).isEqualTo("before");
        assertThat(session.requests()).singleElement().extracting(RecordingSession.Event::kind).isEqualTo("success");
    }

    @Test
    void shouldFailWithoutQuotingValueWhenConversionFails() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/json").extract(Extract.json("/name").into(ID))))
                .hasMessage("GET /json: extract json /name into 'id': the value found is not a Integer");
        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/hello").extract(Extract.json("/a").into(ID))))
                .hasMessage("GET /hello: extract json /a into 'id': the body is not JSON");
    }

    @Test
    void shouldSkipExtractionWhenCheckFailed() {
        RecordingSession session = new RecordingSession();

        assertThatThrownBy(() -> http.execute(session, HttpRequest.get("/json").check(Check.status(201))
                .extract(Extract.json("/name").into(NAME)))).isInstanceOf(HttpFailure.class);

        assertThat(session.find(NAME)).isEmpty();
    }

    @Test
    void shouldRejectBadDefinitionsWhenExtractionsAreMade() {
        assertThatIllegalArgumentException().isThrownBy(() -> Extract.json("/a").into(SessionKey.of("list", List.class)))
                .withMessage("extract: json /a cannot go into 'list' of type java.util.List: use String, Integer, Long, Double, Boolean, Object or JsonNode");
        assertThatIllegalArgumentException().isThrownBy(() -> Extract.header("X").into(ITEMS))
                .withMessageContaining("use String, Integer, Long, Double, Boolean, Object");
        assertThatIllegalArgumentException().isThrownBy(() -> Extract.json("/a").regex("x"))
                .withMessage("extract: json /a cannot be narrowed by a regex (only a header or a cookie can)");
        assertThatIllegalArgumentException().isThrownBy(() -> Extract.regex("[")).withMessageStartingWith("extract: regex is not a regular expression");
        assertThat(Extract.cookie("SID").into(TOKEN).optional().toString()).isEqualTo("optional extract cookie SID into 'token'");
        assertThat(Extract.json("/t").into(TOKEN).key()).isEqualTo(TOKEN);
    }
}
