package dev.perfkit.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one call of a {@link SqlQuery} read: the number of rows, and the first rows if the query
 * keeps some ({@link SqlQuery.Builder#keepRows(int)}), as column values from
 * {@link java.sql.ResultSet#getObject(int)}.
 *
 * @param rows     the rows read
 * @param columns  the column labels, when rows are kept; otherwise empty
 * @param keptRows the first rows, each a list of column values (SQL NULL as null); at most
 *                 {@code keepRows} of them
 */
public record QueryResult(long rows, List<String> columns, List<List<Object>> keptRows) implements StatementResult {

    /** Copies the lists; the row lists may hold nulls. */
    public QueryResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(keptRows.size());
        for (List<Object> row : keptRows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        keptRows = Collections.unmodifiableList(copy);
    }
}
