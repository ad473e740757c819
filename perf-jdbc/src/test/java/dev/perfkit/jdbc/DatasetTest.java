package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private JdbcPool pool;

    @BeforeEach
    void createPool() throws Exception {
        pool = JdbcPool.create(Databases.h2(2).build());
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void shouldCreateDefaultSizesCountedBackWhenCreatedWithDefaults() throws Exception {
        Dataset dataset = Dataset.defaults();

        Dataset.Counts counts = dataset.create(pool.dataSource());

        assertThat(counts).isEqualTo(new Dataset.Counts(1_000, 500));
        assertThat(dataset.usersTable()).isEqualTo("perf_users");
        assertThat(Databases.count(pool.dataSource(), "SELECT COUNT(DISTINCT department) FROM perf_users"))
                .isEqualTo(Dataset.DEPARTMENTS.size());
        assertThat(Databases.count(pool.dataSource(),
                "SELECT COUNT(*) FROM perf_reports r LEFT JOIN perf_users u ON u.id = r.user_id WHERE u.id IS NULL"))
                .as("every report belongs to a user").isZero();
    }

    @Test
    void shouldProduceIdenticalRowsWhenSeedIsTheSameAndOtherRowsWhenItIsNot() throws Exception {
        Dataset a = Dataset.custom().users(300).reports(700).seed(7).batchSize(64).tablePrefix("a_").build();
        Dataset b = a.toBuilder().tablePrefix("b_").batchSize(1000).build();
        Dataset c = a.toBuilder().tablePrefix("c_").seed(8).build();

        a.create(pool.dataSource());
        b.create(pool.dataSource());
        c.create(pool.dataSource());

        assertThat(rows(pool.dataSource(), "a_users")).isEqualTo(rows(pool.dataSource(), "b_users")).hasSize(300);
        assertThat(rows(pool.dataSource(), "a_reports")).isEqualTo(rows(pool.dataSource(), "b_reports")).hasSize(700);
        assertThat(rows(pool.dataSource(), "a_reports")).isNotEqualTo(rows(pool.dataSource(), "c_reports"));
    }

    @Test
    void shouldRemoveTablesWhenDropped() throws Exception {
        Dataset dataset = Dataset.custom().users(10).reports(10).tablePrefix("gone_").build();
        dataset.create(pool.dataSource());

        dataset.drop(pool.dataSource());
        dataset.drop(pool.dataSource()); // idempotent

        assertThatThrownBy(() -> dataset.count(pool.dataSource())).isInstanceOf(SQLException.class);
    }

    @Test
    void shouldReplaceOldTablesWhenCreatedTwice() throws Exception {
        Dataset small = Dataset.custom().users(20).reports(5).tablePrefix("again_").build();
        small.create(pool.dataSource());

        Dataset.Counts counts = small.toBuilder().users(30).build().create(pool.dataSource());

        assertThat(counts).isEqualTo(new Dataset.Counts(30, 5));
    }

    @Test
    void shouldRejectUnsafeTablePrefixWhenSet() {
        assertThatIllegalArgumentException().isThrownBy(() -> Dataset.custom().tablePrefix("x; DROP TABLE y"))
                .withMessage("dataset: tablePrefix must be letters, digits and underscores starting with a letter,"
                        + " was \"x; DROP TABLE y\"");
        assertThatIllegalArgumentException().isThrownBy(() -> Dataset.custom().users(0))
                .withMessage("dataset: users must be > 0, was 0");
    }

    private static List<List<Object>> rows(DataSource dataSource, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
