package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryPatternsTest {

    private static JdbcPool pool;
    private static final Dataset DATASET = Dataset.custom().reports(95).build();
    private static final QueryPatterns PATTERNS = QueryPatterns.of(DATASET, 20);

    @BeforeAll
    static void createDataset() throws Exception {
        pool = JdbcPool.create(Databases.h2(2).build());
        DATASET.create(pool.dataSource());
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void shouldRunEveryPatternUnderItsNameWhenCalled() throws Exception {
        List<QueryResult> results = new ArrayList<>();

        RunResult run = Runs.once(s -> {
            results.add(pool.query(PATTERNS.userById(), s));
            for (SqlQuery q : PATTERNS.queries()) {
                results.add(pool.query(q, s));
            }
            pool.update(PATTERNS.touchUser(), s);
        });

        assertThat(run.total().failures()).isZero();
        assertThat(run.samples()).extracting(SampleStats::name).contains("user by id", "simple filter", "complex join",
                "aggregation", "page offset", "page keyset", "touch user");
        assertThat(results.get(0).rows()).isEqualTo(1);
        assertThat(results.get(0).keptRows().get(0)).hasSize(5);
        assertThat(results.get(1).rows()).as("active users of a department").isPositive();
        assertThat(results.get(2).rows()).isBetween(0L, 50L);
        assertThat(results.get(3).rows()).as("category x status groups").isBetween(1L, 24L);
        assertThat(results.get(4).rows()).as("a page").isBetween(15L, 20L);
        assertThat(results.get(5).rows()).isEqualTo(20);
    }

    @Test
    void shouldWalkPagesInOrderAndStartOverWhenKeysetReachesTheEnd() throws Exception {
        List<Long> lastIds = new ArrayList<>();
        List<Long> rows = new ArrayList<>();

        Runs.once(s -> {
            for (int page = 0; page < 6; page++) {
                rows.add(pool.query(PATTERNS.keysetPage(), s).rows());
                lastIds.add(s.get(QueryPatterns.KEYSET_LAST_ID));
            }
        });

        // 95 reports in pages of 20: 20, 40, 60, 80, 95, then from the start again
        assertThat(lastIds).containsExactly(20L, 40L, 60L, 80L, 95L, 20L);
        assertThat(rows).containsExactly(20L, 20L, 20L, 20L, 15L, 20L);
    }
}
