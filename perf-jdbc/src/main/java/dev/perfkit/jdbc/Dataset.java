package dev.perfkit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The test data of the database workload kit: a schema of users and their reports, created and
 * filled in batches, the same rows for the same seed, on H2 and PostgreSQL (and any database that
 * speaks standard SQL types).
 *
 * <pre>{@code
 * Dataset dataset = Dataset.custom().users(10_000).reports(50_000).seed(7).build();
 * Dataset.Counts counts = dataset.create(pool.dataSource());   // drops old tables first
 * ... run the suites or your own scenario with QueryPatterns.of(dataset) ...
 * dataset.drop(pool.dataSource());
 * }</pre>
 *
 * <h2>Schema</h2>
 * <pre>
 * {prefix}users   (id BIGINT PRIMARY KEY, name, email UNIQUE, department, status, visits, created_at)
 * {prefix}reports (id BIGINT PRIMARY KEY, user_id REFERENCES users, title, category, status,
 *                  amount DECIMAL(12,2), created_at)
 * indexes: users(department, status), reports(user_id), reports(created_at)
 * </pre>
 * Ids run from 1 to {@link #users()} and {@link #reports()}. Values are drawn from
 * {@link #DEPARTMENTS}, {@link #USER_STATUSES}, {@link #CATEGORIES} and {@link #REPORT_STATUSES};
 * timestamps fall in the year after {@link #EPOCH}. Each report belongs to a random user.
 *
 * <h2>Deterministic</h2>
 * One {@link SplittableRandom} seeded with {@link #seed()} draws every value, users first, then
 * reports, in id order: the same settings give the same rows on every database and every run.
 *
 * <p>An immutable value; {@link #custom()} starts a builder, {@link #toBuilder()} a modified copy.
 * {@link #create} and {@link #drop} use plain JDBC, not the adapter: filling the data is set-up,
 * not load, and is not recorded.
 */
public final class Dataset {

    /** Users created unless set. */
    public static final int DEFAULT_USERS = 1_000;
    /** Reports created unless set. */
    public static final int DEFAULT_REPORTS = 500;
    /** The seed unless set. */
    public static final long DEFAULT_SEED = 42;
    /** Rows per insert batch unless set. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The prefix of the table names unless set. */
    public static final String DEFAULT_TABLE_PREFIX = "perf_";
    /** The departments users belong to. */
    public static final List<String> DEPARTMENTS =
            List.of("engineering", "sales", "marketing", "finance", "support", "operations", "legal", "hr");
    /** The statuses of users; about 80 % are {@code active}. */
    public static final List<String> USER_STATUSES = List.of("active", "inactive", "suspended");
    /** The categories of reports. */
    public static final List<String> CATEGORIES = List.of("incident", "audit", "expense", "sales", "performance", "security");
    /** The statuses of reports. */
    public static final List<String> REPORT_STATUSES = List.of("draft", "submitted", "approved", "rejected");
    /** The start of the year in which every timestamp falls. */
    public static final LocalDateTime EPOCH = LocalDateTime.of(2025, 1, 1, 0, 0);

    private static final List<String> FIRST_NAMES = List.of("Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances",
            "John", "Margaret", "Ken", "Radia", "Dennis", "Sophie", "Niklaus", "Hedy", "Tim");
    private static final List<String> LAST_NAMES = List.of("Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth",
            "Allen", "Backus", "Hamilton", "Thompson", "Perlman", "Ritchie", "Wilson", "Wirth", "Lamarr", "Berners-Lee");
    private static final int SECONDS_PER_YEAR = 365 * 24 * 3600;

    private static final Dataset DEFAULTS = custom().build();

    private final int users;
    private final int reports;
    private final long seed;
    private final int batchSize;
    private final String tablePrefix;

    private Dataset(Builder b) {
        this.users = b.users;
        this.reports = b.reports;
        this.seed = b.seed;
        this.batchSize = b.batchSize;
        this.tablePrefix = b.tablePrefix;
    }

    /** Returns the default dataset: 1,000 users, 500 reports, seed 42, tables {@code perf_users} and {@code perf_reports}. */
    public static Dataset defaults() {
        return DEFAULTS;
    }

    /** Returns a builder with the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns a builder starting from this dataset. */
    public Builder toBuilder() {
        return new Builder().users(users).reports(reports).seed(seed).batchSize(batchSize).tablePrefix(tablePrefix);
    }

    /** Returns the number of users. */
    public int users() {
        return users;
    }

    /** Returns the number of reports. */
    public int reports() {
        return reports;
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns the rows per insert batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns the prefix of the table and index names. */
    public String tablePrefix() {
        return tablePrefix;
    }

    /** Returns the name of the users table. */
    public String usersTable() {
        return tablePrefix + "users";
    }

    /** Returns the name of the reports table. */
    public String reportsTable() {
        return tablePrefix + "reports";
    }

    /**
     * The rows of the dataset's tables.
     *
     * @param users   the rows of the users table
     * @param reports the rows of the reports table
     */
    public record Counts(long users, long reports) {
    }

    /**
     * Creates the schema and fills it: drops the two tables if they exist, creates them, inserts
     * the users and reports in batches (one transaction per batch), creates the indexes, updates
     * the planner's statistics, and counts the rows back.
     *
     * @param dataSource where to create it
     * @return the rows counted back
     * @throws SQLException if a statement fails; what was created is left for {@link #drop}
     */
    public Counts create(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                dropTables(s);
                s.executeUpdate("CREATE TABLE " + usersTable() + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                        + " email VARCHAR(200) NOT NULL UNIQUE, department VARCHAR(50) NOT NULL, status VARCHAR(20) NOT NULL,"
                        + " visits INTEGER NOT NULL, created_at TIMESTAMP NOT NULL)");
                s.executeUpdate("CREATE TABLE " + reportsTable() + " (id BIGINT PRIMARY KEY,"
                        + " user_id BIGINT NOT NULL REFERENCES " + usersTable() + " (id), title VARCHAR(200) NOT NULL,"
                        + " category VARCHAR(50) NOT NULL, status VARCHAR(20) NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                        + " created_at TIMESTAMP NOT NULL)");
                SplittableRandom random = new SplittableRandom(seed);
                c.setAutoCommit(false);
                insertUsers(c, random);
                insertReports(c, random);
                c.setAutoCommit(true);
                s.executeUpdate("CREATE INDEX " + tablePrefix + "users_department ON " + usersTable() + " (department, status)");
                s.executeUpdate("CREATE INDEX " + tablePrefix + "reports_user ON " + reportsTable() + " (user_id)");
                s.executeUpdate("CREATE INDEX " + tablePrefix + "reports_created ON " + reportsTable() + " (created_at)");
                analyze(c, s);
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return count(c);
        }
    }

    /**
     * Drops the dataset's tables, if they exist.
     *
     * @param dataSource where it was created
     * @throws SQLException if a statement fails
     */
    public void drop(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                dropTables(s);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Counts the rows of the dataset's tables.
     *
     * @param dataSource where it was created
     * @return the counts
     * @throws SQLException if the tables do not exist
     */
    public Counts count(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return count(c);
        }
    }

    private Counts count(Connection c) throws SQLException {
        return new Counts(countRows(c, usersTable()), countRows(c, reportsTable()));
    }

    private static long countRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void dropTables(Statement s) throws SQLException {
        s.executeUpdate("DROP TABLE IF EXISTS " + reportsTable());
        s.executeUpdate("DROP TABLE IF EXISTS " + usersTable());
    }

    private void insertUsers(Connection c, SplittableRandom random) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + usersTable()
                + " (id, name, email, department, status, visits, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= users; id++) {
                ps.setLong(1, id);
                ps.setString(2, pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES));
                ps.setString(3, "user" + id + "@example.test");
                ps.setString(4, pick(random, DEPARTMENTS));
                int status = random.nextInt(10);
                ps.setString(5, USER_STATUSES.get(status < 8 ? 0 : status - 7));
                ps.setInt(6, random.nextInt(100));
                ps.setObject(7, EPOCH.plusSeconds(random.nextInt(SECONDS_PER_YEAR)));
                ps.addBatch();
                if (id % batchSize == 0 || id == users) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private void insertReports(Connection c, SplittableRandom random) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + reportsTable()
                + " (id, user_id, title, category, status, amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= reports; id++) {
                String category = pick(random, CATEGORIES);
                ps.setLong(1, id);
                ps.setLong(2, 1 + random.nextInt(users));
                ps.setString(3, capitalize(category) + " report " + id);
                ps.setString(4, category);
                ps.setString(5, pick(random, REPORT_STATUSES));
                ps.setBigDecimal(6, BigDecimal.valueOf(1_000 + random.nextInt(499_000), 2));
                ps.setObject(7, EPOCH.plusSeconds(random.nextInt(SECONDS_PER_YEAR)));
                ps.addBatch();
                if (id % batchSize == 0 || id == reports) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private void analyze(Connection c, Statement s) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            s.executeUpdate("ANALYZE " + usersTable());
            s.executeUpdate("ANALYZE " + reportsTable());
        } else if (product.equals("h2")) {
            s.executeUpdate("ANALYZE TABLE " + usersTable());
            s.executeUpdate("ANALYZE TABLE " + reportsTable());
        }
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public String toString() {
        return "Dataset[users=" + users + ", reports=" + reports + ", seed=" + seed + ", tables=" + usersTable() + ", "
                + reportsTable() + "]";
    }

    /** Builds a {@link Dataset}. Not thread-safe. */
    public static final class Builder {
        private int users = DEFAULT_USERS;
        private int reports = DEFAULT_REPORTS;
        private long seed = DEFAULT_SEED;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;

        private Builder() {
        }

        /**
         * Sets the number of users.
         *
         * @param users {@code > 0}; default {@link #DEFAULT_USERS}
         * @return this builder
         */
        public Builder users(int users) {
            this.users = Checks.positive("dataset", "users", users);
            return this;
        }

        /**
         * Sets the number of reports.
         *
         * @param reports {@code > 0}; default {@link #DEFAULT_REPORTS}
         * @return this builder
         */
        public Builder reports(int reports) {
            this.reports = Checks.positive("dataset", "reports", reports);
            return this;
        }

        /**
         * Sets the seed of every value.
         *
         * @param seed any value; default {@link #DEFAULT_SEED}
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the rows per insert batch (and per commit).
         *
         * @param batchSize {@code > 0}; default {@link #DEFAULT_BATCH_SIZE}
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = Checks.positive("dataset", "batchSize", batchSize);
            return this;
        }

        /**
         * Sets the prefix of the table and index names, so that several datasets can live in one database.
         *
         * @param tablePrefix letters, digits and underscores, starting with a letter; may be
         *                    empty; default {@link #DEFAULT_TABLE_PREFIX}
         * @return this builder
         */
        public Builder tablePrefix(String tablePrefix) {
            Checks.notNull("dataset", "tablePrefix", tablePrefix);
            if (!tablePrefix.matches("([A-Za-z][A-Za-z0-9_]*)?")) {
                throw new IllegalArgumentException("dataset: tablePrefix must be letters, digits and underscores starting with a letter,"
                        + " was \"" + tablePrefix + "\"");
            }
            this.tablePrefix = tablePrefix;
            return this;
        }

        /** Returns the dataset. */
        public Dataset build() {
            return new Dataset(this);
        }
    }
}
