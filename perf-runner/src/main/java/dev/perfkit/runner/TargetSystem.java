package dev.perfkit.runner;

/**
 * A system under test the runner can start by name, so that {@code ./perfkit run api} works with
 * no server running: the service interface through which a module offers one. The runner starts
 * the target named by {@code --target} ({@code demo} by default) before the first suite and closes
 * it after the last; {@code --host URL} runs against a system already running instead.
 *
 * <p>Found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.perfkit.runner.TargetSystem} and in {@code provides} of your
 * {@code module-info}; it needs a public no-argument constructor.
 */
public interface TargetSystem {

    /**
     * Returns the name it is chosen by ({@code demo}).
     *
     * @return the name
     */
    String name();

    /**
     * Returns one line saying what it is, shown by {@code ./perfkit list}.
     *
     * @return the description
     */
    String description();

    /**
     * Starts the system on the loopback interface and returns once it accepts requests.
     *
     * @return the running system; the caller closes it
     * @throws Exception if it cannot start
     */
    RunningTarget start() throws Exception;
}
