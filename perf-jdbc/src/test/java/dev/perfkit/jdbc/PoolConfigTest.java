package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class PoolConfigTest {

    @Test
    void shouldUseNamedDefaultsWhenOnlyUrlIsSet() {
        PoolConfig config = PoolConfig.custom().jdbcUrl("jdbc:h2:mem:x").build();

        assertThat(config.name()).isEqualTo(PoolConfig.DEFAULT_NAME);
        assertThat(config.maxSize()).isEqualTo(PoolConfig.DEFAULT_MAX_SIZE);
        assertThat(config.minIdle()).as("a fixed-size pool, as HikariCP's default").isEqualTo(config.maxSize());
        assertThat(config.connectionTimeout()).isEqualTo(PoolConfig.DEFAULT_CONNECTION_TIMEOUT);
        assertThat(config.validationTimeout()).isEqualTo(PoolConfig.DEFAULT_VALIDATION_TIMEOUT);
        assertThat(config.validationQuery()).isEmpty();
        assertThat(config.idleTimeout()).isEqualTo(PoolConfig.DEFAULT_IDLE_TIMEOUT);
        assertThat(config.maxLifetime()).isEqualTo(PoolConfig.DEFAULT_MAX_LIFETIME);
        assertThat(config.autoCommit()).isTrue();
        assertThat(config.dataSource()).isEmpty();
    }

    @Test
    void shouldCopyEverySettingWhenToBuilderIsUsed() {
        JdbcDataSource ds = new JdbcDataSource();
        PoolConfig config = PoolConfig.custom().name("orders").dataSource(ds).username("app").password("pw")
                .addProperty("ApplicationName", "perfkit").maxSize(7).minIdle(3)
                .connectionTimeout(Duration.ofSeconds(2)).validationTimeout(Duration.ofSeconds(1))
                .validationQuery("SELECT 1").idleTimeout(Duration.ofMinutes(1)).maxLifetime(Duration.ofMinutes(5))
                .autoCommit(false).build();

        PoolConfig copy = config.toBuilder().maxSize(8).build();

        assertThat(copy.toString()).isEqualTo(config.toString().replace("maxSize=7", "maxSize=8"));
        assertThat(copy.dataSource()).containsSame(ds);
        assertThat(copy.password()).contains("pw");
        assertThat(copy.properties()).containsEntry("ApplicationName", "perfkit");
        assertThat(config.maxSize()).isEqualTo(7);
    }

    @Test
    void shouldLimitDefaultValidationTimeoutToConnectionTimeoutWhenThatIsShorter() {
        PoolConfig config = PoolConfig.custom().jdbcUrl("jdbc:h2:mem:x").connectionTimeout(Duration.ofMillis(250)).build();

        assertThat(config.validationTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void shouldNameFieldAndValueWhenSettingIsOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> PoolConfig.custom().name("orders").maxSize(0))
                .withMessage("poolConfig[orders]: maxSize must be > 0, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> PoolConfig.custom().connectionTimeout(Duration.ofMillis(100)))
                .withMessage("poolConfig[db]: connectionTimeout must be >= 250ms, was 100ms");
        assertThatIllegalArgumentException().isThrownBy(() -> PoolConfig.custom().name("two words"))
                .withMessage("poolConfig[db]: name must be non-blank without whitespace, was \"two words\"");
        assertThatIllegalArgumentException().isThrownBy(() -> PoolConfig.custom().jdbcUrl("postgres://u:secret@db/x"))
                .withMessage("poolConfig[db]: jdbcUrl must start with \"jdbc:\", was \"postgres://u:****@db/x\"");
        assertThatIllegalArgumentException().isThrownBy(() -> PoolConfig.custom().idleTimeout(Duration.ofSeconds(1)))
                .withMessage("poolConfig[db]: idleTimeout must be 0 or >= 10s, was 1000ms");
    }

    @Test
    void shouldReportEveryCrossFieldProblemTogetherWhenBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() -> PoolConfig.custom().maxSize(2).minIdle(3)
                        .connectionTimeout(Duration.ofSeconds(1)).validationTimeout(Duration.ofSeconds(2)).build())
                .withMessage("poolConfig[db]: a jdbcUrl or a dataSource is required; minIdle must be <= maxSize (2), was 3;"
                        + " validationTimeout (2000ms) must be <= connectionTimeout (1000ms)");
    }
}
