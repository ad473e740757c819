package dev.perfkit.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.perfkit.jdbc.PoolConfig;
import java.sql.SQLException;
import java.util.function.ToIntFunction;

/** Builds HikariCP pools from {@link PoolConfig}s and reads their gauges. */
public final class HikariPools {

    private HikariPools() {
    }

    /**
     * Starts a pool: HikariCP opens {@code minIdle} connections at once and fails fast if the first
     * one cannot be opened.
     *
     * @throws SQLException if the pool cannot start; its message and causes are cleaned of secrets
     */
    public static HikariDataSource start(PoolConfig config, Redactor redactor) throws SQLException {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(config.name());
        config.jdbcUrl().ifPresent(hc::setJdbcUrl);
        config.dataSource().ifPresent(hc::setDataSource);
        config.username().ifPresent(hc::setUsername);
        config.password().ifPresent(hc::setPassword);
        config.properties().forEach(hc::addDataSourceProperty);
        hc.setMaximumPoolSize(config.maxSize());
        hc.setMinimumIdle(config.minIdle());
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setValidationTimeout(config.validationTimeout().toMillis());
        config.validationQuery().ifPresent(hc::setConnectionTestQuery);
        hc.setIdleTimeout(config.idleTimeout().toMillis());
        hc.setMaxLifetime(config.maxLifetime().toMillis());
        hc.setAutoCommit(config.autoCommit());
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            SQLException failure = new SQLException("pool '" + config.name() + "' (" + redactor.clean(
                    config.jdbcUrl().orElse("data source")) + ") could not start: " + redactor.describe(e),
                    sqlState(e));
            failure.initCause(redactor.sanitize(e.getCause() != null ? e.getCause() : e));
            throw failure;
        }
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** Returns a gauge of a pool: the value of {@code read} of its MXBean, NaN once the pool is closed. */
    public static double read(HikariDataSource pool, ToIntFunction<HikariPoolMXBean> read) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null || pool.isClosed()) {
            return Double.NaN;
        }
        return read.applyAsInt(bean);
    }
}
