package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.perfkit.core.LoadTest;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.SampleKind;
import dev.perfkit.core.SampleStats;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.UserType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The requirements' suites on embedded H2, with the default dataset. {@link PostgresTest} runs them on PostgreSQL. */
class WorkloadSuitesTest {

    /**
     * The live heap a streamed read of a million rows may need; held whole, PostgreSQL's driver
     * needs about 240 MB for them ({@link PostgresTest}).
     */
    static final long HEAP_BOUND_BYTES = 32L * 1024 * 1024;

    private static PoolConfig config;
    private static final Dataset DATASET = Dataset.defaults();

    @BeforeAll
    static void createDataset() throws Exception {
        config = Databases.h2(10).build();
        try (JdbcPool setup = JdbcPool.create(config)) {
            DATASET.create(setup.dataSource());
        }
    }

    @AfterAll
    static void dropDataset() throws Exception {
        try (JdbcPool setup = JdbcPool.create(config)) {
            DATASET.drop(setup.dataSource());
        }
    }

    @Test
    void shouldRunFiveHundredOperationsWithoutFailureWhenTenUsersDoFiftyEach() throws Exception {
        SuiteResult result = WorkloadSuites.concurrentOperations(config, DATASET);

        assertThat(result.problems()).isEmpty();
        assertThat(result.count(SuiteResult.OPERATIONS)).isEqualTo(500);
        assertThat(result.run().total().count()).isEqualTo(500);
        assertThat(result.run().samples()).filteredOn(s -> s.kind() == SampleKind.REQUEST).extracting(SampleStats::name)
                .containsExactlyInAnyOrder("user by id", "simple filter", "complex join", "aggregation", "page offset",
                        "page keyset", "touch user");
        assertThat(result.poolExhaustion().hasData()).isTrue();
        assertThat(result.describe()).startsWith("concurrent operations: ");
    }

    @Test
    void shouldCountBackExactlyTheRowsEachBatchChangedWhenBulkSuiteRuns() throws Exception {
        SuiteResult result = WorkloadSuites.bulkOperations(config, DATASET);

        assertThat(result.problems()).isEmpty();
        assertThat(result.counts()).containsExactly(
                java.util.Map.entry(SuiteResult.INSERTED, 1_000L),
                java.util.Map.entry(SuiteResult.COUNTED_AFTER_INSERT, 1_000L),
                java.util.Map.entry(SuiteResult.UPDATED, 1_000L),
                java.util.Map.entry(SuiteResult.COUNTED_AFTER_UPDATE, 1_000L),
                java.util.Map.entry(SuiteResult.DELETED, 1_000L),
                java.util.Map.entry(SuiteResult.COUNTED_AFTER_DELETE, 0L));
        assertThat(result.run().sample("bulk insert").orElseThrow().count()).isEqualTo(1);
        try (JdbcPool pool = JdbcPool.create(config)) {
            assertThat(DATASET.count(pool.dataSource())).as("the suite removed what it inserted")
                    .isEqualTo(new Dataset.Counts(1_000, 500));
        }
    }

    @Test
    void shouldServeEveryRequestAndReportTheWaitsWhenTwentyUsersShareFiveConnections() throws Exception {
        SuiteResult result = WorkloadSuites.poolUnderLoad(config, DATASET);

        assertThat(result.problems()).isEmpty();
        assertThat(result.count(SuiteResult.OPERATIONS)).isEqualTo(200);
        assertThat(result.count(SuiteResult.POOL_SIZE)).isEqualTo(5);
        PoolExhaustionFinding pool = result.poolExhaustion();
        assertThat(pool.maxSize()).isEqualTo(5.0);
        assertThat(pool.peakActive()).isLessThanOrEqualTo(5.0);
        assertThat(pool.acquisitions()).isEqualTo(200);
        assertThat(pool.poolTimeouts()).isZero();
    }

    @Test
    void shouldReadAMillionRowsWithinTheHeapBoundWhenStreamed() throws Exception {
        Dataset big = Dataset.custom().users(2_000).reports(500).tablePrefix("big_").build();
        PoolConfig own = Databases.h2(1).build();
        try (JdbcPool setup = JdbcPool.create(own)) {
            big.create(setup.dataSource());
        }

        SuiteResult result = WorkloadSuites.largeResultRead(own, big);

        assertThat(result.problems()).isEmpty();
        assertThat(result.count(SuiteResult.ROWS_READ)).isEqualTo(1_000_000);
        assertThat(result.count(SuiteResult.HEAP_SAMPLES)).isEqualTo(11);
        assertThat(result.count(SuiteResult.HEAP_NEEDED_BYTES)).isLessThan(HEAP_BOUND_BYTES);
        System.err.printf("[perf-jdbc] H2: 1,000,000 rows streamed with fetch size %d needed %.1f MB of live heap (bound %d MB)%n",
                result.count(SuiteResult.FETCH_SIZE), result.count(SuiteResult.HEAP_NEEDED_BYTES) / 1048576.0,
                HEAP_BOUND_BYTES / 1048576);
    }

    @Test
    void shouldOfferTheConcurrentOperationsMixAsAUserTypeOfItsOwn() throws Exception {
        try (JdbcPool pool = JdbcPool.create(config)) {
            UserType operator = WorkloadSuites.operator(pool, QueryPatterns.of(DATASET));

            assertThat(operator.name()).isEqualTo("operator");
            assertThat(operator.tasks()).extracting(UserType.TaskDef::name, UserType.TaskDef::weight)
                    .containsExactly(tuple("lookup", 4), tuple("filter", 3),
                            tuple("join", 2), tuple("totals", 1),
                            tuple("offset", 2), tuple("keyset", 2),
                            tuple("touch", 2));
            RunResult run = LoadTest.run(Scenario.named("mix")
                    .users(2).iterationsPerUser(20).userType(operator).seed(1));
            assertThat(run.total().count()).isEqualTo(40);
            assertThat(run.total().failures()).isZero();
        }
    }
}
