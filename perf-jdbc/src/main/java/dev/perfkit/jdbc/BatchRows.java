package dev.perfkit.jdbc;

import dev.perfkit.core.Session;

/**
 * Computes the parameter values of row {@code index} of a {@link SqlBatch}, for one call.
 *
 * <pre>{@code
 * BatchRows rows = (session, i) -> new Object[] {base + i, "name-" + i};
 * }</pre>
 *
 * <p>Called once per row, in order, on the calling user's thread; shared by every user of the
 * batch, so it must be thread-safe (a pure function of its arguments is best).
 */
@FunctionalInterface
public interface BatchRows {

    /**
     * Returns the values of one row.
     *
     * @param session the calling user's session
     * @param index   the row's number within this call, from 0
     * @return the values, one per {@code ?} in order
     */
    Object[] row(Session session, int index);
}
