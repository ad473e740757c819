package dev.perfkit.jdbc;

import dev.perfkit.core.Session;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the rows of a {@link SqlQuery} one by one as they stream in, without keeping them: the way
 * to read a result of millions of rows (with a fetch size), or to pick a value out of it into the
 * session.
 *
 * <pre>{@code
 * RowConsumer lastId = (session, row) -> session.set(LAST_ID, row.getLong("id"));
 * }</pre>
 *
 * <p>Called once per row, on the calling user's thread, with the result set positioned on that
 * row. It must not move the cursor or close the result set. Its time counts in the statement's.
 * An exception it throws fails the statement: an {@link SQLException} is categorised by its SQL
 * state, any other exception as {@code other}.
 */
@FunctionalInterface
public interface RowConsumer {

    /**
     * Reads the current row.
     *
     * @param session the calling user's session
     * @param row     the result set, positioned on the row
     * @throws SQLException if reading a column fails
     */
    void accept(Session session, ResultSet row) throws SQLException;
}
