package dev.perfkit.core;

/**
 * One unit of work a virtual user performs: a request, a query, a whole business transaction.
 *
 * <p>The engine times every invocation as a sample named after the task. A task signals failure by
 * throwing: a {@link TaskFailure} carries its own category (for example {@code "http_5xx"}), any
 * other {@link Exception} is recorded under its class's simple name. Either way the failure is data:
 * it is counted and the virtual user goes on with its next iteration. An {@link Error} is not data:
 * it stops the whole run, and what was measured until then is still returned.
 *
 * <p>Tasks run on virtual threads, so blocking I/O inside them is normal and cheap. One task
 * instance is shared by all virtual users of its type: keep per-user state in the {@link Session}.
 */
@FunctionalInterface
public interface Task {

    /**
     * Performs the work once for the virtual user that owns {@code session}.
     *
     * @param session the calling virtual user's session; never shared between users
     * @throws Exception any failure of the work, recorded as a failed sample
     */
    void run(Session session) throws Exception;
}
