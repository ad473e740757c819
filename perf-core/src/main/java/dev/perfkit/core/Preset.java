package dev.perfkit.core;

import java.time.Duration;

/**
 * The standard closed-model loads from our requirements. Apply one with
 * {@link Scenario#preset(Preset)}; ramp-up and hold can be overridden afterwards:
 * <pre>{@code Scenario.named("shop").preset(Preset.ENDURANCE).hold(Duration.ofMinutes(5))}</pre>
 */
public enum Preset {

    /** 5 users: does the script work at all. Ramp 5 s, hold 1 min. */
    SMOKE(5, Duration.ofSeconds(5), Duration.ofMinutes(1)),
    /** 50 users: the expected everyday load. Ramp 30 s, hold 5 min. */
    LOAD(50, Duration.ofSeconds(30), Duration.ofMinutes(5)),
    /** 100 users: beyond the expected load. Ramp 1 min, hold 10 min. */
    STRESS(100, Duration.ofMinutes(1), Duration.ofMinutes(10)),
    /** 200 users arriving almost at once. Ramp 5 s, hold 2 min. */
    SPIKE(200, Duration.ofSeconds(5), Duration.ofMinutes(2)),
    /** 30 users for a long time, to find leaks and slow degradation. Ramp 1 min, hold 1 h. */
    ENDURANCE(30, Duration.ofMinutes(1), Duration.ofHours(1));

    private final int users;
    private final Duration rampUp;
    private final Duration hold;

    Preset(int users, Duration rampUp, Duration hold) {
        this.users = users;
        this.rampUp = rampUp;
        this.hold = hold;
    }

    /** Returns the number of users. */
    public int users() {
        return users;
    }

    /** Returns the default ramp-up. */
    public Duration rampUp() {
        return rampUp;
    }

    /** Returns the default hold after the ramp. */
    public Duration hold() {
        return hold;
    }
}
