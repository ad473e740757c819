package dev.perfkit.jdbc;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/**
 * The failure categories of database statements, as they appear in the run's result
 * ({@link dev.perfkit.core.FailureSummary#category()}), and the rules that pick one.
 *
 * <table>
 *   <caption>Categories</caption>
 *   <tr><th>category</th><th>when</th></tr>
 *   <tr><td>{@code pool_timeout}</td><td>no connection came free within the pool's connection timeout</td></tr>
 *   <tr><td>{@code sql_connection}</td><td>SQL state class 08 (connection exception), 53300 (too many
 *       connections), 57P01..57P03 (server shutting down), or any failure to open a connection</td></tr>
 *   <tr><td>{@code sql_constraint}</td><td>class 23: unique, foreign key, not null, check</td></tr>
 *   <tr><td>{@code sql_deadlock}</td><td>class 40: deadlock victim (PostgreSQL 40P01, H2 40001),
 *       serialization failure (40001)</td></tr>
 *   <tr><td>{@code sql_syntax}</td><td>class 42: syntax error or access rule violation (unknown table or
 *       column, missing privilege)</td></tr>
 *   <tr><td>{@code sql_timeout}</td><td>57014 (statement cancelled, as by a query timeout), HYT00/HYT01,
 *       55P03 (lock not available), or a {@link SQLTimeoutException}</td></tr>
 *   <tr><td>{@code sql_other}</td><td>any other {@link SQLException}</td></tr>
 *   <tr><td>{@code other}</td><td>anything else: an exception of a {@link BatchRows}, a {@link RowConsumer}
 *       or the {@link Params} of a transaction's step (a statement's own parameters are computed
 *       before its clock starts, and their exception goes to the task unrecorded)</td></tr>
 * </table>
 *
 * <p>The SQL state is the first one found along the exception's chain of causes and
 * {@link SQLException#getNextException() next exceptions}; when there is none, the first JDBC 4
 * subclass along the causes decides ({@link SQLTransactionRollbackException} is a deadlock, and so on). Stateless.
 */
public enum SqlFailure {
    /** No connection came free in time: the pool is exhausted. */
    POOL_TIMEOUT("pool_timeout"),
    /** The connection to the database failed or could not be opened. */
    CONNECTION("sql_connection"),
    /** A constraint was violated. */
    CONSTRAINT("sql_constraint"),
    /** A deadlock or serialization failure rolled the transaction back; worth a retry. */
    DEADLOCK("sql_deadlock"),
    /** The SQL is wrong, or names something that is not there or not allowed. */
    SYNTAX("sql_syntax"),
    /** The statement was cancelled by a timeout, or a lock was not granted in time. */
    TIMEOUT("sql_timeout"),
    /** Any other SQL failure. */
    SQL_OTHER("sql_other"),
    /** Not a SQL failure. */
    OTHER("other");

    private final String category;

    SqlFailure(String category) {
        this.category = category;
    }

    /** Returns the category as recorded in the run's result, such as {@code "sql_deadlock"}. */
    public String category() {
        return category;
    }

    /**
     * Classifies a failure of a statement (see the class comment).
     *
     * @param failure the exception
     * @return its category; {@link #OTHER} if it is not a {@link SQLException}
     */
    public static SqlFailure classify(Throwable failure) {
        if (!(failure instanceof SQLException sql)) {
            return OTHER;
        }
        String state = sqlState(sql);
        if (state != null) {
            SqlFailure byState = byState(state);
            if (byState != null) {
                return byState;
            }
        }
        Throwable t = sql;
        for (int guard = 0; t != null && guard < 20; guard++) {
            SqlFailure bySubclass = bySubclass(t);
            if (bySubclass != null) {
                return bySubclass;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return SQL_OTHER;
    }

    private static SqlFailure bySubclass(Throwable t) {
        return switch (t) {
            case SQLTransactionRollbackException e -> DEADLOCK;
            case SQLIntegrityConstraintViolationException e -> CONSTRAINT;
            case SQLSyntaxErrorException e -> SYNTAX;
            case SQLTimeoutException e -> TIMEOUT;
            case SQLNonTransientConnectionException e -> CONNECTION;
            case SQLTransientConnectionException e -> CONNECTION;
            default -> null;
        };
    }

    /**
     * Classifies a failure to get a connection from a data source: a
     * {@link SQLTransientConnectionException} without SQL state and without a cause is how HikariCP
     * says that no connection came free in time ({@link #POOL_TIMEOUT}); when HikariCP gives up
     * because the database cannot be reached, the exception carries the connection failure as its
     * cause, and that is a {@link #CONNECTION} failure. Any other failure to get a connection is a
     * {@link #CONNECTION} failure too, unless its SQL state says something more precise (a wrong
     * password is class 28, a missing database 3D000: both {@code sql_connection}).
     *
     * @param failure the exception thrown by {@link javax.sql.DataSource#getConnection()}
     * @return its category
     */
    public static SqlFailure classifyAcquire(SQLException failure) {
        if (failure instanceof SQLTransientConnectionException && failure.getSQLState() == null && failure.getCause() == null) {
            return POOL_TIMEOUT;
        }
        SqlFailure c = classify(failure);
        return c == SQL_OTHER || c == SYNTAX || c == OTHER ? CONNECTION : c;
    }

    /** Returns the category of a SQL state, or null if its class is not one of ours. */
    static SqlFailure byState(String state) {
        if (state.length() < 2) {
            return null;
        }
        switch (state) {
            case "57014", "HYT00", "HYT01", "55P03":
                return TIMEOUT;
            case "53300", "57P01", "57P02", "57P03":
                return CONNECTION;
            default:
                break;
        }
        return switch (state.substring(0, 2)) {
            case "08" -> CONNECTION;
            case "23" -> CONSTRAINT;
            case "40" -> DEADLOCK;
            case "42" -> SYNTAX;
            default -> null;
        };
    }

    /** Returns the first SQL state along the causes and next exceptions, or null. */
    static String sqlState(SQLException failure) {
        Throwable t = failure;
        int guard = 0;
        while (t != null && guard++ < 20) {
            if (t instanceof SQLException s) {
                if (s.getSQLState() != null && !s.getSQLState().isBlank()) {
                    return s.getSQLState();
                }
                SQLException next = s.getNextException();
                if (next != null && next != s && next.getSQLState() != null && !next.getSQLState().isBlank()) {
                    return next.getSQLState();
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }
}
