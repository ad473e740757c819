package dev.perfkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfkit.examples.demo.DemoClient.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint over real HTTP against one system with the default data (no issue planted). */
class DemoSystemTest {

    private static DemoSystem demo;
    private static DemoClient client;
    private static String token;

    @BeforeAll
    static void start() {
        demo = DemoSystem.start();
        client = new DemoClient(demo);
        token = demo.tokenFor(7);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void shouldListenOnLoopbackWithItsOwnDatabaseWhenStarted() throws SQLException {
        assertThat(demo.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(demo.baseUri().getPort()).isPositive();
        assertThat(demo.jdbcUrl()).startsWith("jdbc:h2:mem:perfkit-demo-");
        assertThat(demo.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(count("SELECT COUNT(*) FROM demo_users")).isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM demo_reports WHERE id <= 500")).isEqualTo(500);
    }

    @Test
    void shouldAnswerHealthWithoutTokenOrSqlWhenAsked() throws Exception {
        long before = demo.statements();

        Answer a = client.get("/health", null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("UP");
        assertThat(a.raw().headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(demo.statements()).isEqualTo(before);
    }

    @Test
    void shouldReturnTheTokensUserWhenTokenIsValid() throws Exception {
        Answer a = client.get("/auth/verify", token);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("id").asLong()).isEqualTo(7);
        assertThat(a.json().path("name").asText()).isNotBlank();
        assertThat(a.json().path("department").asText()).isEqualTo(string("SELECT department FROM demo_users WHERE id = 7"));
    }

    @Test
    void shouldAnswer401WhenTokenIsMissingForgedOrMalformed() throws Exception {
        String forged = demo.tokenFor(8).replace("demo.8.", "demo.7.");
        for (String path : List.of("/auth/verify", "/dashboard", "/reports", "/reports/1", "/search?q=Audit")) {
            Answer missing = client.get(path, null);
            assertThat(missing.status()).as(path).isEqualTo(401);
            assertThat(missing.raw().headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer realm=\"demo\"");
            assertThat(client.get(path, forged).status()).as(path).isEqualTo(401);
            assertThat(client.get(path, "demo.x.y").error()).as(path).isEqualTo("invalid token");
        }
    }

    @Test
    void shouldGiveTheSameTokensWhenTheSeedIsTheSame() {
        assertThat(demo.tokenFor(1)).isEqualTo(new Tokens(DemoOptions.DEFAULT_SEED).tokenFor(1)).isNotEqualTo(new Tokens(43).tokenFor(1));
        assertThatThrownBy(() -> demo.tokenFor(1_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demoSystem: userId must be between 1 and 1000, was 1001");
    }

    @Test
    void shouldShowTheDepartmentsLatestReportsAndCountsWhenDashboardIsAsked() throws Exception {
        Answer a = client.get("/dashboard", token);

        assertThat(a.status()).isEqualTo(200);
        String department = a.json().path("user").path("department").asText();
        List<JsonNode> recent = list(a.json().path("recent"));
        assertThat(recent).hasSize(DemoQueries.RECENT_REPORTS).allSatisfy(r -> {
            assertThat(r.path("department").asText()).isEqualTo(department);
            assertThat(r.path("author").asText()).isNotBlank();
        });
        List<String> created = recent.stream().map(r -> r.path("createdAt").asText()).toList();
        assertThat(created).isSortedAccordingTo((x, y) -> y.compareTo(x));
        long inDepartment = count("SELECT COUNT(*) FROM demo_reports r JOIN demo_users u ON u.id = r.user_id WHERE u.department = '"
                + department + "'");
        assertThat(a.json().path("total").asLong()).isEqualTo(inDepartment);
        long summed = 0;
        for (JsonNode n : a.json().path("countsByStatus")) {
            summed += n.asLong();
        }
        assertThat(summed).isEqualTo(inDepartment);
    }

    @Test
    void shouldPageThroughReportsByIdWhenPageAndSizeAreGiven() throws Exception {
        Answer first = client.get("/reports?page=1&size=20", token);
        Answer second = client.get("/reports?page=2&size=20", token);
        Answer beyond = client.get("/reports?page=1000&size=100", token);
        Answer defaults = client.get("/reports", token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first.json().path("items"))).isEqualTo(range(1, 20));
        assertThat(ids(second.json().path("items"))).isEqualTo(range(21, 40));
        long total = count("SELECT COUNT(*) FROM demo_reports");
        assertThat(first.json().path("total").asLong()).isEqualTo(total);
        assertThat(first.json().path("pages").asLong()).isEqualTo((total + 19) / 20);
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.json().path("items")).isEmpty();
        assertThat(defaults.json().path("page").asInt()).isEqualTo(1);
        assertThat(defaults.json().path("size").asInt()).isEqualTo(20);
    }

    @Test
    void shouldAnswer400WithTheReasonWhenPaginationIsBad() throws Exception {
        assertThat(client.get("/reports?size=101", token).error()).isEqualTo("size must be between 1 and 100, was 101");
        assertThat(client.get("/reports?page=0", token).error()).isEqualTo("page must be between 1 and 2147483647, was 0");
        Answer notNumber = client.get("/reports?page=two", token);
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.error()).isEqualTo("page must be a whole number, was \"two\"");
    }

    @Test
    void shouldCreateAReportThatCanBeReadBackWhenPostIsValid() throws Exception {
        Answer created = client.post("/reports", token, "{\"title\":\"Quarterly audit\",\"category\":\"audit\",\"amount\":1234.5}");

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(id).isGreaterThan(500);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/reports/" + id);
        Answer read = client.get("/reports/" + id, token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("title").asText()).isEqualTo("Quarterly audit");
        assertThat(read.json().path("status").asText()).isEqualTo("draft");
        assertThat(read.json().path("authorId").asLong()).isEqualTo(7);
        assertThat(read.json().path("amount").decimalValue()).isEqualByComparingTo("1234.50");
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheNewReportIsBad() throws Exception {
        assertThat(client.post("/reports", token, "not json").error()).startsWith("body is not JSON");
        assertThat(client.post("/reports", token, "[1]").error()).isEqualTo("body must be a JSON object with title, category and amount");
        assertThat(client.post("/reports", token, "{\"category\":\"audit\"}").error()).isEqualTo("title must be text of 1 to 200 characters");
        Answer category = client.post("/reports", token, "{\"title\":\"t\",\"category\":\"cooking\"}");
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.error()).startsWith("category must be one of [incident, audit").endsWith("was \"cooking\"");
        assertThat(client.post("/reports", token, "{\"title\":\"t\",\"category\":\"audit\",\"amount\":-1}").error())
                .isEqualTo("amount must be between 0 and 9999999999.99 with at most 2 decimals, was -1");
    }

    @Test
    void shouldAnswer404Or400WhenAReportIdIsAbsentOrNotANumber() throws Exception {
        Answer absent = client.get("/reports/999999", token);
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.error()).isEqualTo("no report 999999");
        assertThat(client.get("/reports/abc", token).status()).isEqualTo(400);
        assertThat(client.get("/nowhere", token).status()).isEqualTo(404);
        Answer wrongMethod = client.send("DELETE", "/reports/1", token);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.raw().headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void shouldFindReportsByTitleOrDepartmentPrefixWhenSearching() throws Exception {
        Answer byTitle = client.get("/search?q=Audit", token);
        Answer byDepartment = client.get("/search?q=fin", token);

        assertThat(byTitle.status()).isEqualTo(200);
        List<JsonNode> titles = list(byTitle.json().path("items"));
        assertThat(titles).hasSize(DemoQueries.SEARCH_RESULTS).allSatisfy(r -> assertThat(r.path("title").asText()).startsWith("Audit"));
        assertThat(titles.stream().map(r -> r.path("title").asText()).toList()).isSorted();
        List<JsonNode> departments = list(byDepartment.json().path("items"));
        assertThat(departments).isNotEmpty().allSatisfy(r -> assertThat(r.path("department").asText()).isEqualTo("finance"));
        assertThat(client.get("/search?q=zzz", token).json().path("items")).isEmpty();
    }

    @Test
    void shouldAnswer400WhenTheSearchTextIsMissingOrTooLong() throws Exception {
        assertThat(client.get("/search", token).error()).isEqualTo("q is required");
        assertThat(client.get("/search?q=%20", token).error()).isEqualTo("q must be 1 to 100 characters, was 0");
        assertThat(client.get("/search?q=" + "a".repeat(101), token).status()).isEqualTo(400);
    }

    @Test
    void shouldStopServingAndFreeThePortWhenClosed() throws Exception {
        DemoSystem other = DemoSystem.start(DemoOptions.custom().users(10).reports(10).build());
        DemoClient otherClient = new DemoClient(other);
        assertThat(otherClient.get("/health", null).status()).isEqualTo(200);
        assertThat(other.jdbcUrl()).isNotEqualTo(demo.jdbcUrl());

        other.close();
        other.close();

        assertThatThrownBy(() -> otherClient.get("/health", null)).isInstanceOf(java.io.IOException.class);
        DemoSystem again = DemoSystem.start(DemoOptions.custom().users(10).reports(10).port(other.baseUri().getPort()).build());
        again.close();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<Long> ids(JsonNode items) {
        return list(items).stream().map(n -> n.path("id").asLong()).toList();
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(string(sql));
    }

    private static String string(String sql) throws SQLException {
        try (Connection c = demo.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
