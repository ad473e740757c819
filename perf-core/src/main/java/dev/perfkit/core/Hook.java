package dev.perfkit.core;

/**
 * Work a virtual user does once when it starts ({@link UserType#onStart}) or once when it stops
 * ({@link UserType#onStop}), such as logging in and out. Hooks are timed and recorded as samples
 * named {@code <userType>:onStart} and {@code <userType>:onStop}, which are kept out of the run's
 * totals. A hook that throws is recorded as a failure; a failed {@code onStart} still lets the user
 * run its iterations, so that the failures of later tasks show what a missing login costs.
 */
@FunctionalInterface
public interface Hook {

    /**
     * Runs the hook for the virtual user that owns {@code session}.
     *
     * @param session the user's session
     * @throws Exception any failure, recorded as a failed sample
     */
    void run(Session session) throws Exception;
}
