package dev.perfkit.runner;

import dev.perfkit.core.Environment;
import dev.perfkit.core.Thresholds;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link Suite} builds its scenarios for: the target, the environment whose thresholds
 * apply, the seed of the run and the user's overrides. Immutable.
 *
 * @param baseUri     the base URI of the target's HTTP interface
 * @param jdbcUrl     the JDBC URL of the target's database, or empty (never print it: it may hold
 *                    credentials)
 * @param targetPid   the process id of the target, or empty when unknown
 * @param environment the environment ({@code --env})
 * @param seed        the seed every scenario of the run uses ({@code --seed}, else one chosen and
 *                    printed by the runner), for data the suite generates
 * @param overrides   the user's load settings; the runner applies them, see {@link Overrides}
 */
public record SuiteContext(URI baseUri, Optional<String> jdbcUrl, OptionalLong targetPid, Environment environment,
                           long seed, Overrides overrides) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public SuiteContext {
        Objects.requireNonNull(baseUri, "suiteContext: baseUri must not be null");
        Objects.requireNonNull(jdbcUrl, "suiteContext: jdbcUrl must not be null");
        Objects.requireNonNull(targetPid, "suiteContext: targetPid must not be null");
        Objects.requireNonNull(environment, "suiteContext: environment must not be null");
        Objects.requireNonNull(overrides, "suiteContext: overrides must not be null");
    }

    /**
     * Returns the environment's default thresholds ({@link Environment}), with the default
     * findings, to which a suite adds its own rules.
     *
     * @return the thresholds
     */
    public Thresholds thresholds() {
        return Thresholds.forEnvironment(environment);
    }

    /** Hides the JDBC URL, which may hold credentials. */
    @Override
    public String toString() {
        return "SuiteContext[baseUri=" + baseUri + ", jdbcUrl=" + jdbcUrl.map(u -> "(set)").orElse("(none)")
                + ", targetPid=" + targetPid + ", environment=" + environment.id() + ", seed=" + seed
                + ", overrides=" + overrides + "]";
    }
}
