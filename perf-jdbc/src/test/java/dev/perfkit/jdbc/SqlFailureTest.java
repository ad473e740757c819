package dev.perfkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlFailureTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "08001, sql_connection", "08006, sql_connection", "53300, sql_connection", "57P01, sql_connection",
            "23505, sql_constraint", "23503, sql_constraint", "23502, sql_constraint",
            "40001, sql_deadlock", "40P01, sql_deadlock",
            "42601, sql_syntax", "42P01, sql_syntax", "42S02, sql_syntax", "42000, sql_syntax",
            "57014, sql_timeout", "HYT00, sql_timeout", "55P03, sql_timeout",
            "22012, sql_other", "XX000, sql_other"})
    void shouldPickCategoryFromSqlStateWhenStateIsKnown(String state, String category) {
        assertThat(SqlFailure.classify(new SQLException("boom", state)).category()).isEqualTo(category);
    }

    @Test
    void shouldFallBackOnJdbcSubclassWhenThereIsNoState() {
        assertThat(SqlFailure.classify(new SQLTransactionRollbackException("victim"))).isEqualTo(SqlFailure.DEADLOCK);
        assertThat(SqlFailure.classify(new SQLIntegrityConstraintViolationException("dup"))).isEqualTo(SqlFailure.CONSTRAINT);
        assertThat(SqlFailure.classify(new SQLSyntaxErrorException("typo"))).isEqualTo(SqlFailure.SYNTAX);
        assertThat(SqlFailure.classify(new SQLTimeoutException("slow"))).isEqualTo(SqlFailure.TIMEOUT);
        assertThat(SqlFailure.classify(new SQLException("plain"))).isEqualTo(SqlFailure.SQL_OTHER);
        assertThat(SqlFailure.classify(new IllegalStateException("not sql"))).isEqualTo(SqlFailure.OTHER);
    }

    @Test
    void shouldFindStateAlongCausesAndNextExceptionsWhenOuterHasNone() {
        SQLException wrapped = new SQLException("outer", null, new SQLException("inner", "40P01"));
        BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[0], null);
        batch.setNextException(new SQLException("row 7", "23505"));

        assertThat(SqlFailure.classify(wrapped)).isEqualTo(SqlFailure.DEADLOCK);
        assertThat(SqlFailure.classify(batch)).isEqualTo(SqlFailure.CONSTRAINT);
    }

    @Test
    void shouldTellPoolTimeoutFromUnreachableDatabaseWhenConnectionIsNotObtained() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("pool - Connection is not available");
        SQLTransientConnectionException unreachable = new SQLTransientConnectionException("pool - Connection is not available",
                "08001", new SQLException("Connection refused", "08001"));

        assertThat(SqlFailure.classifyAcquire(timeout)).isEqualTo(SqlFailure.POOL_TIMEOUT);
        assertThat(SqlFailure.classifyAcquire(unreachable)).isEqualTo(SqlFailure.CONNECTION);
        assertThat(SqlFailure.classifyAcquire(new SQLException("password authentication failed", "28P01")))
                .isEqualTo(SqlFailure.CONNECTION);
    }
}
