package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.TaskFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Passwords never reach a printed or stored text: URLs, properties, configs, failure messages, exceptions. */
class RedactionTest {

    private static final String SECRET = "s3cr3t-Pa55";

    @Test
    void shouldMaskPasswordsWhenUrlsCarryThemInAnyCommonForm() {
        assertThat(Redaction.url("jdbc:postgresql://db:5432/shop?user=app&password=" + SECRET + "&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=****&ssl=true");
        assertThat(Redaction.url("jdbc:h2:mem:test;USER=sa;PASSWORD=" + SECRET + ";MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:mem:test;USER=sa;PASSWORD=****;MODE=PostgreSQL");
        assertThat(Redaction.url("jdbc:mysql://app:" + SECRET + "@db:3306/shop"))
                .isEqualTo("jdbc:mysql://app:****@db:3306/shop");
        assertThat(Redaction.url("jdbc:oracle:thin:app/" + SECRET + "@db:1521/orcl"))
                .isEqualTo("jdbc:oracle:thin:app/****@db:1521/orcl");
        assertThat(Redaction.url("jdbc:sqlserver://db;user=app;password=" + SECRET + ";encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=app;password=****;encrypt=true");
        assertThat(Redaction.url("jdbc:postgresql://db/shop?sslpassword=" + SECRET + "&apiKey=" + SECRET))
                .isEqualTo("jdbc:postgresql://db/shop?sslpassword=****&apiKey=****");
        assertThat(Redaction.url("jdbc:postgresql://db:5432/shop?user=app")).isEqualTo("jdbc:postgresql://db:5432/shop?user=app");
        assertThat(Redaction.url(null)).isNull();
    }

    @Test
    void shouldMaskSecretPropertiesAndSortKeysWhenPropertiesArePrinted() {
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", SECRET);
        properties.setProperty("trustStorePassword", SECRET);
        properties.setProperty("authToken", SECRET);
        properties.setProperty("reWriteBatchedInserts", "true");

        Map<String, String> printed = Redaction.properties(properties);

        assertThat(printed).containsExactly(Map.entry("authToken", "****"), Map.entry("password", "****"),
                Map.entry("reWriteBatchedInserts", "true"), Map.entry("trustStorePassword", "****"), Map.entry("user", "app"));
    }

    @Test
    void shouldHideLiteralSecretsButNotShortOnesWhenCleaningFreeText() {
        assertThat(Redaction.text("login with " + SECRET + " failed", List.of(SECRET))).isEqualTo("login with **** failed");
        assertThat(Redaction.text("a password of abc", List.of("abc"))).isEqualTo("a password of abc");
    }

    @Test
    void shouldNeverPrintPasswordWhenConfigAndPoolAreDescribed() throws Exception {
        PoolConfig config = Databases.h2(1).password(SECRET).addProperty("sslpassword", SECRET + "2").build();
        PoolConfig inUrl = PoolConfig.custom().jdbcUrl("jdbc:postgresql://db/shop?password=" + SECRET).build();

        assertThat(config.toString()).doesNotContain(SECRET).contains("password=****").contains("sslpassword=****");
        assertThat(inUrl.toString()).doesNotContain(SECRET).contains("jdbc:postgresql://db/shop?password=****");
        assertThat(config.password()).contains(SECRET);
    }

    @Test
    void shouldKeepPasswordOutOfTheResultWhenFailureMessagesWouldContainIt() throws Exception {
        // H2 echoes a statement's text in its error message: a statement that holds the password
        // (a CREATE USER, a typo'd literal) would store the password in the result unredacted.
        String url = "jdbc:h2:mem:redaction" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1";
        PoolConfig config = PoolConfig.custom().name("secretive").jdbcUrl(url).username("sa").password(SECRET)
                .maxSize(1).build();
        try (JdbcPool pool = JdbcPool.create(config)) {
            SqlUpdate leaky = SqlUpdate.custom("leaky", "CREAT USER bob PASSWORD '" + SECRET + "'").build();
            AtomicReference<TaskFailure> thrown = new AtomicReference<>();

            RunResult run = Runs.once(s -> {
                try {
                    pool.update(leaky, s);
                } catch (TaskFailure e) {
                    thrown.set(e);
                }
            });

            SampleStats stats = run.sample("leaky").orElseThrow();
            assertThat(Runs.failures(stats)).containsOnlyKeys("sql_syntax");
            assertThat(Runs.messages(stats)).contains("****").doesNotContain(SECRET);
            assertThat(thrown.get().getMessage()).doesNotContain(SECRET);
            assertThat(stackTrace(thrown.get())).as("the exception's causes are cleaned too").doesNotContain(SECRET);
            assertThat(pool.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void shouldMaskPasswordsWhenPoolCannotStart() throws Exception {
        String url = "jdbc:h2:mem:locked" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1";
        try (JdbcPool setup = JdbcPool.create(PoolConfig.custom().jdbcUrl(url).username("sa").password("").maxSize(1).build())) {
            Databases.exec(setup.dataSource(), "CREATE USER IF NOT EXISTS bob PASSWORD 'right-one'");
        }

        PoolConfig wrongPassword = PoolConfig.custom().jdbcUrl(url + ";PASSWORD=" + SECRET).username("bob").maxSize(1).build();
        PoolConfig wrongField = PoolConfig.custom().jdbcUrl(url).username("bob").password(SECRET).maxSize(1).build();

        for (PoolConfig config : List.of(wrongPassword, wrongField)) {
            assertThatThrownBy(() -> JdbcPool.create(config))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("pool 'db' (" + url)
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(SECRET));
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString().lines().collect(Collectors.joining("\n"));
    }
}
