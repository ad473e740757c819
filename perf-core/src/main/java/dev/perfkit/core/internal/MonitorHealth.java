package dev.perfkit.core.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * The health of one resource monitor: whether its last sample worked ({@code <label>.up}) and its
 * errors. The first occurrence of each distinct error message is logged at WARN; the latest is
 * kept. At most {@link #MAX_DISTINCT} distinct messages are remembered, so a monitor whose
 * messages vary (a changing number in them) cannot grow without bound; later ones are kept but
 * not logged.
 *
 * <p>Thread-safe: a scraper thread writes while the run's coordinator and the user read.
 */
public final class MonitorHealth {

    /** How many distinct error messages are remembered and logged: 100. */
    public static final int MAX_DISTINCT = 100;

    private final Logger log;
    private final String label;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile boolean up;
    private volatile String lastError;

    /**
     * @param log   where the first occurrence of each error goes
     * @param label the monitor's label, named in the log
     * @param up    whether the monitor counts as up before its first sample
     */
    public MonitorHealth(Logger log, String label, boolean up) {
        this.log = log;
        this.label = label;
        this.up = up;
    }

    /** Records that a sample worked. */
    public void ok() {
        up = true;
    }

    /**
     * Records that a sample failed: the monitor is down until the next {@link #ok()}.
     *
     * @param error what failed, without secrets
     */
    public void failed(String error) {
        up = false;
        keep(error);
    }

    /**
     * Records an error of one value that leaves the monitor up, such as a series missing from a
     * scrape that worked.
     *
     * @param error what failed, without secrets
     */
    public void partlyFailed(String error) {
        keep(error);
    }

    /** Returns 1 if the last sample worked, else 0: the value of the {@code <label>.up} gauge. */
    public double upValue() {
        return up ? 1 : 0;
    }

    /** Returns the latest error, if there was one. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void keep(String error) {
        lastError = error;
        if (seen.size() < MAX_DISTINCT && seen.add(error)) {
            log.warn("perfkit: monitor '{}': {}", label, error);
        }
    }

    /**
     * Describes an exception in one line: its class's simple name and message, or the cause's when
     * the exception only wraps one.
     *
     * @param e the exception
     * @return the description
     */
    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + message;
    }
}
