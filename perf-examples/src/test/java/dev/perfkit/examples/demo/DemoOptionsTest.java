package dev.perfkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void shouldHaveTheDocumentedDefaultsWhenNothingIsSet() {
        DemoOptions d = DemoOptions.defaults();

        assertThat(d.users()).isEqualTo(1_000);
        assertThat(d.reports()).isEqualTo(500);
        assertThat(d.seed()).isEqualTo(42);
        assertThat(d.poolSize()).isEqualTo(10);
        assertThat(d.effectivePoolSize()).isEqualTo(10);
        assertThat(d.dbRoundTrip()).isEqualTo(Duration.ofMillis(1));
        assertThat(d.port()).isZero();
        assertThat(d.issues()).isEmpty();
    }

    @Test
    void shouldForceTwoConnectionsWhenSmallPoolIsPlanted() {
        DemoOptions o = DemoOptions.custom().poolSize(30).plant(DemoIssue.SMALL_POOL).build();

        assertThat(o.poolSize()).isEqualTo(30);
        assertThat(o.effectivePoolSize()).isEqualTo(DemoOptions.SMALL_POOL_SIZE).isEqualTo(2);
    }

    @Test
    void shouldKeepEveryIssueAndSettingWhenCopiedWithToBuilder() {
        DemoOptions o = DemoOptions.custom().users(10).reports(20).seed(7).poolSize(3).dbRoundTrip(Duration.ZERO).port(0)
                .plant(DemoIssue.SLOW_QUERY).plant(DemoIssue.MEMORY_LEAK, DemoIssue.SLOW_QUERY).build();

        DemoOptions copy = o.toBuilder().plant(DemoIssue.N_PLUS_ONE).build();

        assertThat(o.issues()).containsExactlyInAnyOrder(DemoIssue.SLOW_QUERY, DemoIssue.MEMORY_LEAK);
        assertThat(copy.issues()).containsExactlyInAnyOrder(DemoIssue.SLOW_QUERY, DemoIssue.MEMORY_LEAK, DemoIssue.N_PLUS_ONE);
        assertThat(copy.toString()).isEqualTo(o.toString().replace("[SLOW_QUERY, MEMORY_LEAK]", "[SLOW_QUERY, N_PLUS_ONE, MEMORY_LEAK]"));
        assertThat(copy.planted(DemoIssue.SMALL_POOL)).isFalse();
    }

    @Test
    void shouldNameFieldAndValueWhenInputIsBad() {
        assertThatThrownBy(() -> DemoOptions.custom().users(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("demoOptions: users must be > 0, was 0");
        assertThatThrownBy(() -> DemoOptions.custom().reports(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("demoOptions: reports must be > 0, was -1");
        assertThatThrownBy(() -> DemoOptions.custom().poolSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("demoOptions: poolSize must be > 0, was 0");
        assertThatThrownBy(() -> DemoOptions.custom().port(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("demoOptions: port must be between 0 and 65535, was 70000");
        assertThatThrownBy(() -> DemoOptions.custom().dbRoundTrip(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("demoOptions: dbRoundTrip must be between 0 and 1s, was PT2S");
        assertThatThrownBy(() -> DemoOptions.custom().plant((DemoIssue) null)).isInstanceOf(NullPointerException.class);
    }
}
