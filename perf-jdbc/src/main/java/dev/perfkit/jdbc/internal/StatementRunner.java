package dev.perfkit.jdbc.internal;

import dev.perfkit.core.FeederExhaustedException;
import dev.perfkit.core.Session;
import dev.perfkit.core.TaskFailure;
import dev.perfkit.jdbc.BatchResult;
import dev.perfkit.jdbc.DeadlockRetry;
import dev.perfkit.jdbc.QueryResult;
import dev.perfkit.jdbc.RowConsumer;
import dev.perfkit.jdbc.SqlBatch;
import dev.perfkit.jdbc.SqlFailure;
import dev.perfkit.jdbc.SqlQuery;
import dev.perfkit.jdbc.SqlStatement;
import dev.perfkit.jdbc.SqlTransaction;
import dev.perfkit.jdbc.SqlUpdate;
import dev.perfkit.jdbc.StatementResult;
import dev.perfkit.jdbc.TransactionResult;
import dev.perfkit.jdbc.UpdateResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs statements for virtual users and records them: the adapter's hot path.
 *
 * <p>Per call: compute the parameters (outside the sample), take the start time, get a connection
 * (its wait recorded as the pool's acquire timing), run the statement, give the connection back,
 * record the sample under the statement's name, success or failure with its category. A failure
 * is then thrown as a {@link TaskFailure} with the same category and message, so the task fails
 * too and a flow of steps stops. Thread-safe: shared by all virtual users of a pool.
 */
public final class StatementRunner {

    private static final Object[] NO_VALUES = new Object[0];

    private final DataSource dataSource;
    private final String acquireTiming;
    private final String poolTimeoutMessage;
    private final Redactor redactor;
    private final Retrier retrier = new Retrier(StatementRunner::isRetryable);

    /**
     * Creates a runner.
     *
     * @param dataSource         where connections come from
     * @param acquireTiming      the name of the acquire-time timing
     * @param poolTimeoutMessage the message of a pool timeout, or null to use the exception's
     * @param redactor           cleans messages of secrets
     */
    public StatementRunner(DataSource dataSource, String acquireTiming, String poolTimeoutMessage, Redactor redactor) {
        this.dataSource = dataSource;
        this.acquireTiming = acquireTiming;
        this.poolTimeoutMessage = poolTimeoutMessage;
        this.redactor = redactor;
    }

    /**
     * Runs a statement on a connection of the pool (connection == null) or on the caller's
     * connection, records it and returns its result.
     *
     * @throws TaskFailure when the statement fails, after recording it
     */
    public StatementResult run(SqlStatement statement, Session session, Connection connection) {
        Object[] params = parameters(statement, session);
        String name = statement.name();
        long start = session.nanoTime();
        try {
            StatementResult result;
            Optional<DeadlockRetry> retry = statement.retry();
            if (retry.isEmpty()) {
                result = attempt(statement, session, connection, params);
            } else {
                DeadlockRetry policy = retry.get();
                String retriedName = name + DeadlockRetry.RETRIED_SUFFIX;
                result = retrier.call(name, policy, number -> {
                    long attemptStart = session.nanoTime();
                    try {
                        return attempt(statement, session, connection, params);
                    } catch (SQLException e) {
                        if (number < policy.maxAttempts() && isRetryable(e)) {
                            session.recordFailure(retriedName, attemptStart, session.nanoTime(),
                                    SqlFailure.DEADLOCK.category(), redactor.describe(e));
                        }
                        throw e;
                    }
                });
            }
            session.recordSuccess(name, start, session.nanoTime());
            return result;
        } catch (SQLException e) {
            long end = session.nanoTime();
            String category = categoryOf(e).category();
            String message = e instanceof AcquireFailure a && a.message != null ? a.message : redactor.describe(e);
            session.recordFailure(name, start, end, category, message);
            throw new TaskFailure(category, name + ": " + message, redactor.sanitize(e));
        } catch (FeederExhaustedException e) {
            throw e; // the engine discards the iteration and stops the run: not a failure of the statement
        } catch (RuntimeException e) {
            session.recordFailure(name, start, session.nanoTime(), SqlFailure.OTHER.category(), redactor.describe(e));
            throw e;
        }
    }

    /** Query and update parameters are computed once per call, before the clock starts. */
    private static Object[] parameters(SqlStatement statement, Session session) {
        Object[] values = switch (statement) {
            case SqlQuery q -> q.params().values(session);
            case SqlUpdate u -> u.params().values(session);
            default -> NO_VALUES;
        };
        if (values == null) {
            throw new NullPointerException(statement.name() + ": params returned null; return an empty array for none");
        }
        return values;
    }

    private StatementResult attempt(SqlStatement statement, Session session, Connection given, Object[] params)
            throws SQLException {
        if (given != null) {
            return execute(statement, given, session, params);
        }
        Connection c = acquire(session);
        Throwable primary = null;
        try {
            StatementResult result = execute(statement, c, session, params);
            if (!(statement instanceof SqlTransaction) && !c.getAutoCommit()) {
                c.commit(); // a pool handing out connections without auto-commit: the call is its own transaction
            }
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            primary = e;
            if (!(statement instanceof SqlTransaction)) {
                rollbackIfOpen(c, e);
            }
            throw e;
        } finally {
            try {
                c.close();
            } catch (SQLException e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else {
                    throw e;
                }
            }
        }
    }

    private Connection acquire(Session session) throws SQLException {
        long start = session.nanoTime();
        try {
            Connection c = dataSource.getConnection();
            session.recordTiming(acquireTiming, session.nanoTime() - start);
            return c;
        } catch (SQLException e) {
            session.recordTiming(acquireTiming, session.nanoTime() - start);
            SqlFailure category = SqlFailure.classifyAcquire(e);
            String message = category == SqlFailure.POOL_TIMEOUT && poolTimeoutMessage != null
                    ? poolTimeoutMessage : "getting a connection: " + redactor.describe(e);
            throw new AcquireFailure(category, message, e);
        }
    }

    private static StatementResult execute(SqlStatement statement, Connection c, Session session, Object[] params)
            throws SQLException {
        return switch (statement) {
            case SqlQuery q -> query(q, c, session, params);
            case SqlUpdate u -> update(u, c, params);
            case SqlBatch b -> batch(b, c, session);
            case SqlTransaction t -> transaction(t, c, session);
        };
    }

    // ---------------------------------------------------------------- the kinds of statements

    private static QueryResult query(SqlQuery q, Connection c, Session session, Object[] params) throws SQLException {
        boolean ownTransaction = q.fetchSize() > 0 && c.getAutoCommit();
        if (ownTransaction) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        }
        try {
            QueryResult result;
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                if (q.fetchSize() > 0) {
                    ps.setFetchSize(q.fetchSize());
                }
                if (q.maxRows() > 0) {
                    ps.setMaxRows(q.maxRows());
                }
                timeout(ps, q.queryTimeout());
                bind(ps, params);
                result = read(q, ps, session);
            }
            if (ownTransaction) {
                c.commit();
            }
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            if (ownTransaction) {
                rollbackIfOpen(c, e);
            }
            throw e;
        } finally {
            if (ownTransaction) {
                c.setAutoCommit(true);
            }
        }
    }

    private static QueryResult read(SqlQuery q, PreparedStatement ps, Session session) throws SQLException {
        int keep = q.keepRows();
        RowConsumer consumer = q.rowConsumer().orElse(null);
        long rows = 0;
        List<String> columns = List.of();
        List<List<Object>> kept = List.of();
        try (ResultSet rs = ps.executeQuery()) {
            int width = 0;
            if (keep > 0) {
                ResultSetMetaData md = rs.getMetaData();
                width = md.getColumnCount();
                List<String> labels = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    labels.add(md.getColumnLabel(i));
                }
                columns = labels;
                kept = new ArrayList<>(Math.min(keep, 64));
            }
            while (rs.next()) {
                rows++;
                if (kept.size() < keep) {
                    List<Object> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        row.add(rs.getObject(i));
                    }
                    kept.add(row);
                }
                if (consumer != null) {
                    consumer.accept(session, rs);
                }
            }
        }
        return new QueryResult(rows, columns, kept);
    }

    private static UpdateResult update(SqlUpdate u, Connection c, Object[] params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(u.sql())) {
            timeout(ps, u.queryTimeout());
            bind(ps, params);
            return new UpdateResult(ps.executeUpdate());
        }
    }

    private static BatchResult batch(SqlBatch b, Connection c, Session session) throws SQLException {
        boolean ownTransaction = b.oneTransaction() && c.getAutoCommit();
        if (ownTransaction) {
            c.setAutoCommit(false);
        }
        try {
            long affected = 0;
            long withoutCount = 0;
            int batches = 0;
            try (PreparedStatement ps = c.prepareStatement(b.sql())) {
                timeout(ps, b.queryTimeout());
                int pending = 0;
                int rows = b.rows();
                for (int i = 0; i < rows; i++) {
                    Object[] values = b.rowValues().row(session, i);
                    if (values == null) {
                        throw new NullPointerException(b.name() + ": rowValues returned null for row " + i);
                    }
                    bind(ps, values);
                    ps.addBatch();
                    if (++pending == b.batchSize() || i == rows - 1) {
                        for (int count : ps.executeBatch()) {
                            if (count >= 0) {
                                affected += count;
                            } else if (count == PreparedStatement.SUCCESS_NO_INFO) {
                                withoutCount++;
                            }
                        }
                        batches++;
                        pending = 0;
                    }
                }
            }
            if (ownTransaction) {
                c.commit();
            }
            return new BatchResult(b.rows(), batches, affected, withoutCount);
        } catch (SQLException | RuntimeException | Error e) {
            if (ownTransaction) {
                rollbackIfOpen(c, e);
            }
            throw e;
        } finally {
            if (ownTransaction) {
                c.setAutoCommit(true);
            }
        }
    }

    private static TransactionResult transaction(SqlTransaction t, Connection c, Session session) throws SQLException {
        boolean wasAutoCommit = c.getAutoCommit();
        int previousIsolation = -1;
        if (t.isolation() != SqlTransaction.Isolation.DEFAULT) {
            previousIsolation = c.getTransactionIsolation();
            c.setTransactionIsolation(t.isolation().level());
        }
        if (wasAutoCommit) {
            c.setAutoCommit(false);
        }
        Throwable primary = null;
        try {
            List<SqlStatement> steps = t.steps();
            List<String> timings = t.stepTimings();
            List<StatementResult> results = new ArrayList<>(steps.size());
            for (int i = 0; i < steps.size(); i++) {
                SqlStatement step = steps.get(i);
                long stepStart = session.nanoTime();
                try {
                    results.add(execute(step, c, session, parameters(step, session)));
                } catch (SQLException e) {
                    throw new StepFailure("step '" + step.name() + "'", e);
                }
                session.recordTiming(timings.get(i), session.nanoTime() - stepStart);
            }
            long endStart = session.nanoTime();
            try {
                if (t.rollbackAtEnd()) {
                    c.rollback();
                } else {
                    c.commit();
                }
            } catch (SQLException e) {
                throw new StepFailure(t.rollbackAtEnd() ? "rollback" : "commit", e);
            }
            session.recordTiming(t.endTiming(), session.nanoTime() - endStart);
            return new TransactionResult(!t.rollbackAtEnd(), results);
        } catch (SQLException | RuntimeException | Error e) {
            primary = e;
            rollbackIfOpen(c, e);
            throw e;
        } finally {
            try {
                if (wasAutoCommit) {
                    c.setAutoCommit(true);
                }
                if (previousIsolation != -1) {
                    c.setTransactionIsolation(previousIsolation);
                }
            } catch (SQLException e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else {
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static void timeout(PreparedStatement ps, Optional<Duration> timeout) throws SQLException {
        if (timeout.isPresent()) {
            ps.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, timeout.get().toSeconds()));
        }
    }

    private static void rollbackIfOpen(Connection c, Throwable failure) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    static SqlFailure categoryOf(Throwable e) {
        return e instanceof AcquireFailure a ? a.category : SqlFailure.classify(e);
    }

    private static boolean isRetryable(Throwable e) {
        return categoryOf(e) == SqlFailure.DEADLOCK;
    }

    /** A failure to get a connection, already categorised. */
    static final class AcquireFailure extends SQLException {
        private static final long serialVersionUID = 1L;
        final transient SqlFailure category;
        final String message;

        AcquireFailure(SqlFailure category, String message, SQLException cause) {
            super(message, cause.getSQLState(), cause.getErrorCode(), cause);
            this.category = category;
            this.message = message;
        }
    }

    /** A failure of one step of a transaction (or of its end), named in the message. */
    static final class StepFailure extends SQLException {
        private static final long serialVersionUID = 1L;

        StepFailure(String where, SQLException cause) {
            super(where + ": " + firstLine(cause), cause.getSQLState(), cause.getErrorCode(), cause);
        }

        private static String firstLine(SQLException e) {
            String m = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            int newline = m.indexOf('\n');
            return newline < 0 ? m : m.substring(0, newline);
        }
    }
}
