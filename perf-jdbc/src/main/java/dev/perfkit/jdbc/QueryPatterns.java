package dev.perfkit.jdbc;

import dev.perfkit.core.SessionKey;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made named statements over a {@link Dataset}'s schema: the query patterns of the database
 * requirements, each a {@link SqlStatement} to run through a {@link JdbcPool}.
 *
 * <pre>{@code
 * QueryPatterns patterns = QueryPatterns.of(dataset);
 * UserType analyst = UserType.named("analyst")
 *     .task(3, "filter", pool.task(patterns.simpleFilter()))
 *     .task(1, "join", pool.task(patterns.complexJoin()))
 *     .task(1, "totals", pool.task(patterns.aggregation()));
 * }</pre>
 *
 * <table>
 *   <caption>The patterns</caption>
 *   <tr><th>method</th><th>sample name</th><th>what it does</th></tr>
 *   <tr><td>{@link #userById()}</td><td>{@code user by id}</td><td>primary-key lookup of a random user</td></tr>
 *   <tr><td>{@link #simpleFilter()}</td><td>{@code simple filter}</td><td>active users of a random
 *       department (an indexed filter)</td></tr>
 *   <tr><td>{@link #complexJoin()}</td><td>{@code complex join}</td><td>the latest 50 reports of a status
 *       by users of a department since a date, with the users' names: join, filters on both tables, sort, limit</td></tr>
 *   <tr><td>{@link #aggregation()}</td><td>{@code aggregation}</td><td>count, sum, average and maximum
 *       of report amounts per category and status since a date</td></tr>
 *   <tr><td>{@link #offsetPage()}</td><td>{@code page offset}</td><td>a random page of reports by id,
 *       with {@code OFFSET ... FETCH NEXT}</td></tr>
 *   <tr><td>{@link #keysetPage()}</td><td>{@code page keyset}</td><td>the next page of reports after the
 *       last id this user saw ({@code WHERE id > ?}), starting over after the last page</td></tr>
 *   <tr><td>{@link #touchUser()}</td><td>{@code touch user}</td><td>an update: one more visit for a random user</td></tr>
 * </table>
 * Parameters come from the session's random source, so a run with the same seed asks the same
 * questions. The SQL is standard (H2 and PostgreSQL run it unchanged).
 *
 * <p>Immutable and thread-safe: the statements are built once.
 */
public final class QueryPatterns {

    /** Rows per page of the paginated patterns unless set. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** The session variable in which {@link #keysetPage()} keeps the last id a user saw. */
    public static final SessionKey<Long> KEYSET_LAST_ID = SessionKey.of("perfkit.jdbc.keyset.lastId", Long.class);

    private final Dataset dataset;
    private final int pageSize;
    private final SqlQuery userById;
    private final SqlQuery simpleFilter;
    private final SqlQuery complexJoin;
    private final SqlQuery aggregation;
    private final SqlQuery offsetPage;
    private final SqlQuery keysetPage;
    private final SqlUpdate touchUser;

    private QueryPatterns(Dataset dataset, int pageSize) {
        this.dataset = dataset;
        this.pageSize = pageSize;
        String users = dataset.usersTable();
        String reports = dataset.reportsTable();
        int userCount = dataset.users();
        int reportCount = dataset.reports();
        List<String> departments = Dataset.DEPARTMENTS;
        List<String> statuses = Dataset.REPORT_STATUSES;

        this.userById = SqlQuery.custom("user by id",
                        "SELECT id, name, email, department, status FROM " + users + " WHERE id = ?")
                .params(s -> new Object[] {(long) s.random().nextInt(1, userCount + 1)})
                .keepRows(1)
                .build();
        this.simpleFilter = SqlQuery.custom("simple filter",
                        "SELECT id, name, email FROM " + users + " WHERE department = ? AND status = ?")
                .params(s -> new Object[] {departments.get(s.random().nextInt(departments.size())), "active"})
                .build();
        this.complexJoin = SqlQuery.custom("complex join",
                        "SELECT r.id, r.title, r.amount, r.created_at, u.name, u.email FROM " + reports + " r JOIN "
                                + users + " u ON u.id = r.user_id WHERE u.department = ? AND r.status = ? AND r.created_at >= ?"
                                + " ORDER BY r.created_at DESC, r.id FETCH FIRST 50 ROWS ONLY")
                .params(s -> new Object[] {departments.get(s.random().nextInt(departments.size())),
                        statuses.get(s.random().nextInt(statuses.size())),
                        Dataset.EPOCH.plusDays(s.random().nextInt(0, 300))})
                .build();
        this.aggregation = SqlQuery.custom("aggregation",
                        "SELECT category, status, COUNT(*) AS reports, SUM(amount) AS total, AVG(amount) AS average,"
                                + " MAX(amount) AS largest FROM " + reports + " WHERE created_at >= ?"
                                + " GROUP BY category, status ORDER BY category, status")
                .params(s -> new Object[] {Dataset.EPOCH.plusDays(s.random().nextInt(0, 300))})
                .build();
        int pages = Math.max(1, (reportCount + pageSize - 1) / pageSize);
        this.offsetPage = SqlQuery.custom("page offset",
                        "SELECT id, title, category, amount FROM " + reports + " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(s -> new Object[] {(long) s.random().nextInt(pages) * pageSize, pageSize})
                .build();
        this.keysetPage = SqlQuery.custom("page keyset",
                        "SELECT id, title, category, amount FROM " + reports + " WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(s -> {
                    long last = s.find(KEYSET_LAST_ID).orElse(0L);
                    return new Object[] {last >= reportCount ? 0L : last, pageSize};
                })
                .forEachRow((s, row) -> s.set(KEYSET_LAST_ID, row.getLong(1)))
                .build();
        this.touchUser = SqlUpdate.custom("touch user", "UPDATE " + users + " SET visits = visits + 1 WHERE id = ?")
                .params(s -> new Object[] {(long) s.random().nextInt(1, userCount + 1)})
                .build();
    }

    /**
     * Returns the patterns over a dataset, with pages of {@link #DEFAULT_PAGE_SIZE} rows.
     *
     * @param dataset the dataset (its table names and sizes)
     * @return the patterns
     */
    public static QueryPatterns of(Dataset dataset) {
        return of(dataset, DEFAULT_PAGE_SIZE);
    }

    /**
     * Returns the patterns over a dataset.
     *
     * @param dataset  the dataset (its table names and sizes)
     * @param pageSize rows per page of the paginated patterns, {@code > 0}
     * @return the patterns
     */
    public static QueryPatterns of(Dataset dataset, int pageSize) {
        Objects.requireNonNull(dataset, "dataset");
        return new QueryPatterns(dataset, Checks.positive("queryPatterns", "pageSize", pageSize));
    }

    /** Returns the dataset the patterns query. */
    public Dataset dataset() {
        return dataset;
    }

    /** Returns the rows per page of the paginated patterns. */
    public int pageSize() {
        return pageSize;
    }

    /** Returns the primary-key lookup of a random user, keeping its row. */
    public SqlQuery userById() {
        return userById;
    }

    /** Returns the simple filter: active users of a random department. */
    public SqlQuery simpleFilter() {
        return simpleFilter;
    }

    /** Returns the complex join of reports and users. */
    public SqlQuery complexJoin() {
        return complexJoin;
    }

    /** Returns the aggregation of report amounts per category and status. */
    public SqlQuery aggregation() {
        return aggregation;
    }

    /** Returns a random page of reports by offset. */
    public SqlQuery offsetPage() {
        return offsetPage;
    }

    /** Returns the next page of reports after the last id seen (keyset pagination). */
    public SqlQuery keysetPage() {
        return keysetPage;
    }

    /** Returns the update of a random user's visits. */
    public SqlUpdate touchUser() {
        return touchUser;
    }

    /** Returns the query patterns of the requirements, in the order of the class comment: filter, join, aggregation, offset page, keyset page. */
    public List<SqlQuery> queries() {
        return List.of(simpleFilter, complexJoin, aggregation, offsetPage, keysetPage);
    }
}
