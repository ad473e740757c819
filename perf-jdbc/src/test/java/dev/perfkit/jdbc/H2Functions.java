package dev.perfkit.jdbc;

import java.sql.SQLException;

/** Java functions that the tests register in H2 as SQL functions: a slow statement, a chosen failure. */
public final class H2Functions {

    private H2Functions() {
    }

    /**
     * Sleeps, as a slow statement does: {@code SELECT SLEEP_MS(50)}.
     *
     * @param millis how long
     * @return {@code millis}
     * @throws InterruptedException if interrupted
     */
    public static int sleepMs(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    /**
     * Fails with a given SQL state, as the database would: {@code SELECT FAIL_WITH('40001')}.
     *
     * @param sqlState the state
     * @return never
     * @throws SQLException always
     */
    public static int failWith(String sqlState) throws SQLException {
        throw new SQLException("failure chosen by the test, state " + sqlState, sqlState);
    }
}
