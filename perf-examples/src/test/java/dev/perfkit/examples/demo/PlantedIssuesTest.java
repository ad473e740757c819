package dev.perfkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.RunOptions;
import dev.perfkit.examples.demo.DemoClient.Answer;
import dev.perfkit.jdbc.Dataset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Each planted issue changes what the system does, observably and deterministically; the answers stay the same. */
class PlantedIssuesTest {

    private static final DemoOptions FAST = DemoOptions.custom().dbRoundTrip(Duration.ZERO).build();

    @Test
    void shouldScanTheReportsTableWhenSlowQueryIsPlanted() throws Exception {
        try (DemoSystem healthy = DemoSystem.start(FAST);
             DemoSystem slow = DemoSystem.start(FAST.toBuilder().plant(DemoIssue.SLOW_QUERY).build())) {
            String indexed = searchPlan(healthy);
            String scanned = searchPlan(slow);

            assertThat(indexed).contains("PUBLIC.DEMO_REPORTS_TITLE: TITLE", "index sorted").doesNotContain("DEMO_REPORTS.tableScan");
            assertThat(scanned).doesNotContain("DEMO_REPORTS_TITLE").contains("PUBLIC.DEMO_REPORTS.tableScan");
            assertThat(new DemoClient(slow).get("/search?q=Sales", slow.tokenFor(1)).json())
                    .isEqualTo(new DemoClient(healthy).get("/search?q=Sales", healthy.tokenFor(1)).json());
        }
    }

    @Test
    void shouldFetchEachAuthorByItsOwnStatementWhenNPlusOneIsPlanted() throws Exception {
        try (DemoSystem healthy = DemoSystem.start(FAST);
             DemoSystem nPlusOne = DemoSystem.start(FAST.toBuilder().plant(DemoIssue.N_PLUS_ONE).build())) {
            Dashboard joined = dashboard(healthy);
            Dashboard oneByOne = dashboard(nPlusOne);

            assertThat(joined.statements()).isEqualTo(3);
            assertThat(oneByOne.statements()).isEqualTo(3 + DemoQueries.RECENT_REPORTS);
            assertThat(oneByOne.answer().json()).isEqualTo(joined.answer().json());
        }
    }

    @Test
    void shouldRunWithTwoConnectionsWhenSmallPoolIsPlanted() {
        try (DemoSystem healthy = DemoSystem.start(FAST);
             DemoSystem small = DemoSystem.start(FAST.toBuilder().poolSize(20).plant(DemoIssue.SMALL_POOL).build())) {
            assertThat(gauge(healthy, "demo-db.max").getAsDouble()).isEqualTo(10);
            assertThat(gauge(small, "demo-db.max").getAsDouble()).isEqualTo(2);
            assertThat(gauge(small, "demo-db.total").getAsDouble()).isEqualTo(2);
        }
    }

    @Test
    void shouldRetainEveryResponseBodyWhenMemoryLeakIsPlanted() throws Exception {
        try (DemoSystem healthy = DemoSystem.start(FAST);
             DemoSystem leaky = DemoSystem.start(FAST.toBuilder().plant(DemoIssue.MEMORY_LEAK).build())) {
            long sent = 0;
            long[] retainedAfter = new long[3];
            DemoClient client = new DemoClient(leaky);
            DemoClient control = new DemoClient(healthy);
            for (int round = 0; round < retainedAfter.length; round++) {
                for (int i = 1; i <= 20; i++) {
                    sent += client.get("/reports/" + i, leaky.tokenFor(1)).raw().body().getBytes(StandardCharsets.UTF_8).length;
                    control.get("/reports/" + i, healthy.tokenFor(1));
                }
                retainedAfter[round] = leaky.retainedBytes();
            }

            assertThat(retainedAfter[2]).isEqualTo(sent);
            assertThat(retainedAfter).isSorted().doesNotHaveDuplicates();
            assertThat(retainedAfter[1] - retainedAfter[0]).isEqualTo(retainedAfter[2] - retainedAfter[1]);
            assertThat(healthy.retainedBytes()).isZero();
            assertThat(gauge(leaky, DemoSystem.RETAINED_BYTES_GAUGE).getAsDouble()).isEqualTo(sent);
        }
    }

    private record Dashboard(Answer answer, long statements) {
    }

    private static Dashboard dashboard(DemoSystem demo) throws Exception {
        long before = demo.statements();
        Answer a = new DemoClient(demo).get("/dashboard", demo.tokenFor(3));
        assertThat(a.status()).isEqualTo(200);
        return new Dashboard(a, demo.statements() - before);
    }

    private static String searchPlan(DemoSystem demo) throws SQLException {
        Dataset dataset = Dataset.custom().tablePrefix(DemoDatabase.TABLE_PREFIX).build();
        try (Connection c = demo.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + DemoQueries.searchSql(dataset))) {
            Object[] params = DemoQueries.searchParams("Sales");
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static DoubleSupplier gauge(DemoSystem demo, String name) {
        return demo.addGaugesTo(RunOptions.custom()).build().gauges().get(name);
    }
}
