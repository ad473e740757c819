package dev.perfkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.SessionKey;
import dev.perfkit.core.UserType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each virtual user has its own cookie jar: its own server session. */
class CookieTest {

    private static final SessionKey<String> TOKEN = SessionKey.of("token", String.class);

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldKeepOneSessionPerUserWhenManyUsersLogInConcurrently() throws Exception {
        Map<Long, String> loggedIn = new ConcurrentHashMap<>();
        Map<Long, java.util.Set<String>> seen = new ConcurrentHashMap<>();
        HttpRequest login = HttpRequest.post("/login").extract(Extract.json("/token").into(TOKEN));
        HttpRequest me = HttpRequest.get("/me").check(Check.status(200));
        try (Http http = Http.create(HttpConfig.of(server.url()))) {
            Scenario scenario = Scenario.named("cookies").users(20).iterationsPerUser(10)
                    .userType(UserType.named("member")
                            .onStart(s -> {
                                http.execute(s, login);
                                loggedIn.put(s.userId(), s.get(TOKEN));
                            })
                            .task(1, "me", s -> seen.computeIfAbsent(s.userId(), id -> ConcurrentHashMap.newKeySet())
                                    .add(http.execute(s, me).json().get("session").asText())));

            RunResult result = LoadTest.run(scenario);

            assertThat(result.sample("GET /me").orElseThrow().count()).isEqualTo(200);
            assertThat(result.sample("GET /me").orElseThrow().failures()).isZero();
        }
        assertThat(loggedIn).hasSize(20);
        assertThat(loggedIn.values()).doesNotHaveDuplicates();
        assertThat(seen).hasSize(20);
        seen.forEach((user, sessions) -> assertThat(sessions).as("sessions seen by user %d", user).containsExactly(loggedIn.get(user)));
    }

    @Test
    void shouldSendNoCookieWhenUserHasNotLoggedIn() {
        try (Http http = Http.create(HttpConfig.of(server.url()))) {
            RecordingSession alice = new RecordingSession(1);
            RecordingSession bob = new RecordingSession(2);

            http.execute(alice, HttpRequest.post("/login"));

            assertThat(http.execute(alice, HttpRequest.get("/me")).status()).isEqualTo(200);
            assertThatThrownBy(() -> http.execute(bob, HttpRequest.get("/me")))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.httpCategory()).isEqualTo(HttpFailureCategory.HTTP_4XX));
            http.clearCookies(alice);
            assertThat(http.cookieNames(alice)).isEmpty();
            assertThatThrownBy(() -> http.execute(alice, HttpRequest.get("/me"))).isInstanceOf(HttpFailure.class);
        }
    }

    @Test
    void shouldKeepNoCookieWhenCookiesAreOff() {
        try (Http http = Http.create(HttpConfig.custom().baseUrl(server.url()).cookies(false).build())) {
            RecordingSession alice = new RecordingSession(1);

            http.execute(alice, HttpRequest.post("/login"));

            assertThat(http.cookie(alice, "SESSION")).isEmpty();
            assertThat(http.execute(alice, HttpRequest.get("/me").check(Check.status(401))).status()).isEqualTo(401);
        }
    }
}
