package dev.perfkit.core.internal;

import dev.perfkit.core.Finding;
import dev.perfkit.core.Findings;
import dev.perfkit.core.IntervalStats;
import dev.perfkit.core.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Monitor outages: a resource monitor's {@code <label>.up} gauge was 0 in some intervals. A
 * {@code NaN} (the gauge itself failed) is not counted as down: nothing is known then.
 */
public final class MonitorOutages {

    static final String UP = ".up";

    private MonitorOutages() {
    }

    /** Returns a monitor_down finding for each up gauge that was 0 at least once, in gauge order. */
    public static List<Finding> detect(RunResult result) {
        Set<String> gauges = new LinkedHashSet<>();
        for (IntervalStats interval : result.intervals()) {
            for (String name : interval.gauges().keySet()) {
                if (name.endsWith(UP) && name.length() > UP.length()) {
                    gauges.add(name);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (String gauge : gauges) {
            String label = gauge.substring(0, gauge.length() - UP.length());
            int sampled = 0;
            int down = 0;
            IntervalStats first = null;
            IntervalStats last = null;
            for (IntervalStats interval : result.intervals()) {
                Double up = interval.gauges().get(gauge);
                if (up == null || up.isNaN()) {
                    continue;
                }
                sampled++;
                if (up == 0) {
                    down++;
                    first = first == null ? interval : first;
                    last = interval;
                }
            }
            if (down == 0) {
                continue;
            }
            double from = first.start().toNanos() / 1e9;
            double to = last.start().plus(last.length()).toNanos() / 1e9;
            List<String> evidence = List.of(
                    gauge + " was 0 in " + down + " of " + sampled + " sampled intervals, between " + Figures.seconds(from)
                            + " and " + Figures.seconds(to) + " of the run",
                    "the other '" + label + ".*' gauges hold no fresh value in those intervals");
            findings.add(new Finding(Findings.MONITOR_DOWN, gauge, "Monitor '" + label + "' was down in " + down + " of "
                    + sampled + " intervals", evidence, "Check that the monitor of '" + label + "' can reach its target"
                    + " (process alive, endpoint and credentials right, scrape fast enough): conclusions drawn from its"
                    + " gauges miss those intervals."));
        }
        return findings;
    }
}
