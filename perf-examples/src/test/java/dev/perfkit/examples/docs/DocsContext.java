package dev.perfkit.examples.docs;

import dev.perfkit.core.Comparison;
import dev.perfkit.core.Feeder;
import dev.perfkit.core.RunOptions;
import dev.perfkit.core.RunResult;
import dev.perfkit.core.Scenario;
import dev.perfkit.core.Session;
import dev.perfkit.core.Thresholds;
import dev.perfkit.core.Verdict;
import dev.perfkit.http.Http;
import dev.perfkit.jdbc.JdbcPool;
import dev.perfkit.jdbc.PoolConfig;

/**
 * The names a documentation fragment may use without declaring them: the generated class of
 * every fragment extends this one (see {@link SnippetCompiler}). The fields are never assigned:
 * snippets are compiled, not run. A fragment that declares a variable of the same name shadows
 * the field. Listed for writers in docs/README.md.
 */
@SuppressWarnings("unused")
public abstract class DocsContext {
    /** A scenario defined earlier in the text. */
    protected Scenario scenario;
    /** Run options built earlier. */
    protected RunOptions options;
    /** The result of a run. */
    protected RunResult result;
    /** A verdict on {@link #result}. */
    protected Verdict verdict;
    /** A comparison of {@link #result} with a baseline. */
    protected Comparison comparison;
    /** Thresholds defined earlier. */
    protected Thresholds thresholds;
    /** The session of the virtual user running the code (inside a task or hook). */
    protected Session session;
    /** A perf-http client. */
    protected Http http;
    /** A perf-jdbc pool and its configuration. */
    protected JdbcPool pool;
    protected PoolConfig config;
    /** Search terms for a feeder-driven task. */
    protected Feeder<String> terms;
    /** The reader's own client of the system under test; its methods stand for "your code". */
    protected ShopApi api;

    /** Stands for the client a user writes for the system they test. */
    public interface ShopApi {
        String login(Session session);

        String login(long userId);

        void logout(String token);

        void dashboard(String token);

        void reports(String token);

        void reports(String token, int page);

        void createReport(String token);

        void browse();

        void addToCart();

        void pay();

        void health();

        void search(String term);

        /** Sends a GET and returns the HTTP status. */
        int getStatus(String path);
    }
}
