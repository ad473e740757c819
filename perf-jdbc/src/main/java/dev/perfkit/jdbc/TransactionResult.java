package dev.perfkit.jdbc;

import java.util.List;

/**
 * What one call of a {@link SqlTransaction} did.
 *
 * @param committed true if it was committed, false if rolled back at the end on request
 * @param steps     the result of each step, in order
 */
public record TransactionResult(boolean committed, List<StatementResult> steps) implements StatementResult {

    /** Copies the list. */
    public TransactionResult {
        steps = List.copyOf(steps);
    }
}
