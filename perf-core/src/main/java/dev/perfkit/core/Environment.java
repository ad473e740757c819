package dev.perfkit.core;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A deployment stage with its own default threshold levels. {@link #STAGING} holds the project's
 * requirements; {@link #DEV} is looser (a laptop or a shared dev box is slower and noisier);
 * {@link #PRODUCTION} is stricter (a release must leave headroom).
 *
 * <table>
 *   <caption>Default rules: warning / critical</caption>
 *   <tr><th>rule</th><th>dev</th><th>staging</th><th>production</th></tr>
 *   <tr><td>mean(api) ms</td><td>300 / 400</td><td>150 / 200</td><td>100 / 150</td></tr>
 *   <tr><td>max(api) ms</td><td>1500 / 2000</td><td>800 / 1000</td><td>600 / 750</td></tr>
 *   <tr><td>throughput(total) /s, at least</td><td>10 / 5</td><td>60 / 50</td><td>120 / 100</td></tr>
 *   <tr><td>errorRate(total)</td><td>0.05 / 0.10</td><td>0.02 / 0.05</td><td>0.005 / 0.01</td></tr>
 *   <tr><td>mean(database) ms</td><td>150 / 200</td><td>80 / 100</td><td>50 / 75</td></tr>
 *   <tr><td>max(database) ms</td><td>750 / 1000</td><td>400 / 500</td><td>300 / 375</td></tr>
 *   <tr><td>max(sut.memory) MiB</td><td>800 / 1000</td><td>400 / 500</td><td>350 / 400</td></tr>
 *   <tr><td>mean(sut.cpu) share</td><td>0.85 / 0.95</td><td>0.70 / 0.80</td><td>0.60 / 0.70</td></tr>
 * </table>
 *
 * <p>{@code api} and {@code database} are the request groups {@link Subject#API} and
 * {@link Subject#DATABASE}. Every default rule is {@linkplain Rule#optional() optional}: a run
 * without HTTP requests, database statements or a monitored system under test passes those rules
 * with a note instead of failing. The critical levels of staging are the requirements; its warning
 * levels sit at 75 to 80 % of them, to warn before a release fails.
 */
public enum Environment {
    /** Developer machines: looser levels. */
    DEV(new double[] {300, 400, 1500, 2000, 10, 5, 0.05, 0.10, 150, 200, 750, 1000, 800, 1000, 0.85, 0.95}),
    /** Staging: the requirements (API mean 200 ms, max 1 s, 50 /s, errors under 5 %, database mean
     *  100 ms, max 500 ms, memory under 500 MiB, CPU under 80 %). */
    STAGING(new double[] {150, 200, 800, 1000, 60, 50, 0.02, 0.05, 80, 100, 400, 500, 400, 500, 0.70, 0.80}),
    /** Production: stricter levels. */
    PRODUCTION(new double[] {100, 150, 600, 750, 120, 100, 0.005, 0.01, 50, 75, 300, 375, 350, 400, 0.60, 0.70});

    private static final double MIB = 1024 * 1024;

    private final List<Rule> rules;

    Environment(double[] l) {
        this.rules = List.of(
                rule(Subject.API, Statistic.MEAN, true, l[0], l[1]),
                rule(Subject.API, Statistic.MAX, true, l[2], l[3]),
                rule(Subject.total(), Statistic.THROUGHPUT, false, l[4], l[5]),
                rule(Subject.total(), Statistic.ERROR_RATE, true, l[6], l[7]),
                rule(Subject.DATABASE, Statistic.MEAN, true, l[8], l[9]),
                rule(Subject.DATABASE, Statistic.MAX, true, l[10], l[11]),
                rule(Subject.gauge("sut.memory"), Statistic.MAX, true, l[12] * MIB, l[13] * MIB),
                rule(Subject.gauge("sut.cpu"), Statistic.MEAN, true, l[14], l[15]));
    }

    private static Rule rule(Subject subject, Statistic statistic, boolean higherIsWorse, double warning,
                             double critical) {
        return new Rule(subject, statistic, higherIsWorse, warning, critical, Duration.ZERO, false, Duration.ZERO,
                true, "");
    }

    /** Returns the environment's name as written in files and verdicts: {@code dev}, {@code staging}, {@code production}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the default rules, all {@linkplain Rule#optional() optional}, in the order of the table above. */
    public List<Rule> defaultRules() {
        return rules;
    }

    /** Returns thresholds holding this environment's default rules. */
    public Thresholds thresholds() {
        return Thresholds.forEnvironment(this);
    }

    /**
     * Returns the environment named {@code id}, ignoring case; {@code prod} and {@code development}
     * are accepted too.
     *
     * @param id the name
     * @return the environment
     * @throws IllegalArgumentException naming the known environments if there is none of that name
     */
    public static Environment fromId(String id) {
        Checks.name("environment", "name", id);
        return switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "dev", "development" -> DEV;
            case "staging" -> STAGING;
            case "production", "prod" -> PRODUCTION;
            default -> throw new IllegalArgumentException("environment: unknown environment \"" + id
                    + "\"; known: dev, staging, production");
        };
    }
}
