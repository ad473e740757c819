package dev.perfkit.report;

/**
 * A threshold rule file that cannot be used: malformed YAML or JSON, an unknown key, statistic,
 * environment or unit, or a rule that {@link dev.perfkit.core.Rule} refuses. The message starts
 * with {@code file:line:} and names the rule, for example
 * {@code staging.yaml:14: rule 3 (p96 of GET /users/{id}): unknown statistic "p96"; known: p50, ...}.
 */
public final class ThresholdFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * Creates the exception.
     *
     * @param source  the file's name, as given to the reader
     * @param line    the line of the problem, from 1; 0 when unknown
     * @param message what is wrong, without the {@code file:line:} prefix
     */
    public ThresholdFileException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** Returns the file's name, as given to the reader. */
    public String source() {
        return source;
    }

    /** Returns the line of the problem, from 1; 0 when unknown. */
    public int line() {
        return line;
    }
}
