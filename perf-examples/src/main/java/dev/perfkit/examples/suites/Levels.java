package dev.perfkit.examples.suites;

import dev.perfkit.core.Environment;
import java.time.Duration;

/**
 * The suites' own threshold levels per environment, from one figure each: the critical level of
 * staging (the requirement). Development machines get twice as long (a laptop, or the runner and
 * the demo sharing two cores), production three quarters of it (headroom before a release); the
 * warning level is three quarters of the critical one in every environment, as the environments'
 * default rules do ({@link Environment}).
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
}
