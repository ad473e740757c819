package dev.perfkit.runner;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A system under test that a {@link TargetSystem} started, running until {@link #close()}.
 */
public interface RunningTarget extends AutoCloseable {

    /**
     * Returns the base URI of its HTTP interface, such as {@code http://127.0.0.1:41234/}.
     *
     * @return the base URI
     */
    URI baseUri();

    /**
     * Returns the JDBC URL of its database, when suites may query it directly. It may hold
     * credentials: the runner never prints it.
     *
     * @return the JDBC URL, or empty
     */
    Optional<String> jdbcUrl();

    /**
     * Returns the id of the process it runs in, for resource monitors
     * ({@link dev.perfkit.core.ProcessMonitor}); the runner's own process for an embedded system.
     *
     * @return the process id, or empty when unknown (a remote host)
     */
    OptionalLong pid();

    /** Stops the system and frees its ports and files. Must not throw for a system already stopped. */
    @Override
    void close();
}
