package dev.perfkit.examples.suites;

import dev.perfkit.core.Environment;
import dev.perfkit.core.Rule;
import dev.perfkit.core.Statistic;
import dev.perfkit.core.Subject;
import dev.perfkit.core.Thresholds;
import java.time.Duration;

/**
 * The suites' own threshold levels per environment, from one figure each: the critical level of
 * staging (the requirement). Development machines get twice as long (a laptop, or the runner and
 * the demo sharing two cores), production three quarters of it (headroom before a release); the
 * warning level is three quarters of the critical one in every environment, as the environments'
 * default rules do ({@link Environment}). And the CPU rule of the flat-out jobs of the api and db
 * suites ({@link #flatOut}).
 */
final class Levels {

    /** The share of the critical level at which a rule warns. */
    static final double WARNING_SHARE = 0.75;

    private Levels() {
    }

    /** Returns the critical level of a time in an environment, from its staging level. */
    static Duration critical(Environment environment, Duration staging) {
        double factor = switch (environment) {
            case DEV -> 2.0;
            case STAGING -> 1.0;
            case PRODUCTION -> 0.75;
        };
        return Duration.ofNanos(Math.round(staging.toNanos() * factor));
    }

    /** Returns the warning level of a time in an environment, from its staging critical level. */
    static Duration warning(Environment environment, Duration staging) {
        return Duration.ofNanos(Math.round(critical(environment, staging).toNanos() * WARNING_SHARE));
    }

    /**
     * The thresholds of a flat-out job: its users never pause, so they keep the CPU as busy as the
     * target lets them, and with the demo inside the runner's JVM the monitored process is both the
     * load generator and the system under test. A high CPU share is then the job working, not the system
     * failing: the environment's CPU rule is kept at its warning level only, so it shows in the
     * verdict without failing the run. Memory keeps both levels.
     */
    static Thresholds flatOut(Thresholds thresholds) {
        Subject cpu = Subject.gauge("sut.cpu");
        for (Rule rule : thresholds.rules()) {
            if (rule.subject().equals(cpu) && rule.statistic() == Statistic.MEAN && rule.optional()) {
                return thresholds.rule(new Rule(cpu, Statistic.MEAN, true, rule.warning(), Double.NaN, Duration.ZERO,
                        false, Duration.ZERO, true, "a flat-out job: warns only"));
            }
        }
        return thresholds;
    }
}
