package dev.perfkit.examples.demo;

import dev.perfkit.examples.demo.DemoDatabase.RowMapper;
import dev.perfkit.examples.demo.DemoDatabase.Sql;
import dev.perfkit.jdbc.Dataset;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL behind the endpoints, over the {@code demo_users} and {@code demo_reports} tables of
 * perf-jdbc's {@code Dataset}. Each method runs on one connection of the pool.
 */
final class DemoQueries {

    /** Reports on a dashboard. */
    static final int RECENT_REPORTS = 10;
    /** Results of a search. */
    static final int SEARCH_RESULTS = 20;

    /** A user as the API shows it. */
    record User(long id, String name, String department, String status) {
    }

    /** A report with its author, as the API shows it. */
    record Report(long id, String title, String category, String status, BigDecimal amount, String createdAt,
                  long authorId, String author, String department) {
    }

    /** A report without its author: the first query of the N+1 dashboard. */
    private record BareReport(long id, String title, String category, String status, BigDecimal amount, String createdAt,
                              long authorId) {
    }

    private static final String REPORT_COLUMNS =
            "r.id, r.title, r.category, r.status, r.amount, r.created_at, u.id AS author_id, u.name AS author, u.department";
    private static final RowMapper<Report> REPORT = row -> new Report(row.getLong(1), row.getString(2), row.getString(3),
            row.getString(4), row.getBigDecimal(5), timestamp(row.getObject(6, LocalDateTime.class)), row.getLong(7),
            row.getString(8), row.getString(9));
    private static final RowMapper<User> USER = row -> new User(row.getLong(1), row.getString(2), row.getString(3), row.getString(4));

    private final DemoDatabase db;
    private final boolean nPlusOne;
    private final String users;
    private final String reports;
    private final String joined;
    private final String searchSql;

    DemoQueries(DemoDatabase db, boolean nPlusOne) {
        this.db = db;
        this.nPlusOne = nPlusOne;
        this.users = db.dataset().usersTable();
        this.reports = db.dataset().reportsTable();
        this.joined = " FROM " + reports + " r JOIN " + users + " u ON u.id = r.user_id";
        this.searchSql = searchSql(db.dataset());
    }

    /**
     * The search over a dataset's tables: the first {@value #SEARCH_RESULTS} reports by title whose
     * title starts with the text, or whose author's department does. Each branch takes its own first
     * rows in a derived table, so that H2 reads the title branch from the title index in order and
     * stops after {@value #SEARCH_RESULTS} rows; without the index it reads the whole table and sorts.
     */
    static String searchSql(Dataset dataset) {
        String users = dataset.usersTable();
        String reports = dataset.reportsTable();
        String firstRows = " ORDER BY title, id FETCH FIRST " + SEARCH_RESULTS + " ROWS ONLY";
        return "SELECT * FROM ("
                + "SELECT " + REPORT_COLUMNS + " FROM (SELECT * FROM " + reports + " WHERE title >= ? AND title < ?" + firstRows + ") r"
                + " JOIN " + users + " u ON u.id = r.user_id"
                + " UNION SELECT * FROM (SELECT " + REPORT_COLUMNS + " FROM " + reports + " r JOIN " + users + " u ON u.id = r.user_id"
                + " WHERE u.department >= ? AND u.department < ?" + firstRows + ") d"
                + ") found ORDER BY title, id FETCH FIRST " + SEARCH_RESULTS + " ROWS ONLY";
    }

    /** The values of {@link #searchSql}: a prefix as a range, so an index can serve it (a bound {@code LIKE ?} cannot, in H2). */
    static Object[] searchParams(String prefix) {
        String end = prefix + '\uffff';
        return new Object[] {prefix, end, prefix, end};
    }

    Optional<User> user(long id) throws SQLException {
        return db.withConnection(sql -> findUser(sql, id));
    }

    private Optional<User> findUser(Sql sql, long id) throws SQLException {
        return sql.one("SELECT id, name, department, status FROM " + users + " WHERE id = ?", USER, id);
    }

    /** The user, the latest reports of their department with authors, and the department's counts by status. */
    Map<String, Object> dashboard(long userId) throws SQLException {
        return db.withConnection(sql -> {
            User user = findUser(sql, userId).orElseThrow(() -> ApiError.unauthorized("unknown user " + userId));
            List<Report> recent = nPlusOne ? recentOneByOne(sql, user.department()) : sql.list("SELECT " + REPORT_COLUMNS
                    + joined + " WHERE u.department = ? ORDER BY r.created_at DESC, r.id DESC FETCH FIRST "
                    + RECENT_REPORTS + " ROWS ONLY", REPORT, user.department());
            Map<String, Long> counts = new LinkedHashMap<>();
            sql.list("SELECT r.status, COUNT(*)" + joined + " WHERE u.department = ? GROUP BY r.status ORDER BY r.status",
                    row -> counts.put(row.getString(1), row.getLong(2)), user.department());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user", user);
            body.put("recent", recent);
            body.put("countsByStatus", counts);
            body.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
            return body;
        });
    }

    /** {@link DemoIssue#N_PLUS_ONE}: the reports first, then each author by a statement of its own. */
    private List<Report> recentOneByOne(Sql sql, String department) throws SQLException {
        List<BareReport> bare = sql.list("SELECT r.id, r.title, r.category, r.status, r.amount, r.created_at, r.user_id FROM "
                        + reports + " r WHERE r.user_id IN (SELECT id FROM " + users + " WHERE department = ?)"
                        + " ORDER BY r.created_at DESC, r.id DESC FETCH FIRST " + RECENT_REPORTS + " ROWS ONLY",
                row -> new BareReport(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getBigDecimal(5), timestamp(row.getObject(6, LocalDateTime.class)), row.getLong(7)),
                department);
        List<Report> recent = new ArrayList<>(bare.size());
        for (BareReport r : bare) {
            User author = findUser(sql, r.authorId()).orElseThrow();
            recent.add(new Report(r.id(), r.title(), r.category(), r.status(), r.amount(), r.createdAt(), author.id(),
                    author.name(), author.department()));
        }
        return recent;
    }

    /** One page of all reports by id, with the total (offset pagination). */
    Map<String, Object> page(int page, int size) throws SQLException {
        return db.withConnection(sql -> {
            long total = sql.one("SELECT COUNT(*) FROM " + reports, row -> row.getLong(1)).orElseThrow();
            List<Report> items = sql.list("SELECT " + REPORT_COLUMNS + joined + " ORDER BY r.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                    REPORT, (long) (page - 1) * size, size);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("page", page);
            body.put("size", size);
            body.put("total", total);
            body.put("pages", (total + size - 1) / size);
            body.put("items", items);
            return body;
        });
    }

    Optional<Report> report(long id) throws SQLException {
        return db.withConnection(sql -> sql.one("SELECT " + REPORT_COLUMNS + joined + " WHERE r.id = ?", REPORT, id));
    }

    /** Inserts a draft report of the user, created now; returns its id. */
    long create(long userId, String title, String category, BigDecimal amount) throws SQLException {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        return db.withConnection(sql -> sql.insert("INSERT INTO " + reports
                        + " (user_id, title, category, status, amount, created_at) VALUES (?, ?, ?, 'draft', ?, ?)", "ID",
                userId, title, category, amount, now));
    }

    List<Report> search(String prefix) throws SQLException {
        return db.withConnection(sql -> sql.list(searchSql, REPORT, searchParams(prefix)));
    }

    private static String timestamp(LocalDateTime t) {
        return t.toString();
    }
}
