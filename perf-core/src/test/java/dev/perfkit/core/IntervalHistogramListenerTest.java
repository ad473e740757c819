package dev.perfkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Each interval's histograms reach the listeners that ask for them and add up to the run's. */
class IntervalHistogramListenerTest {

    @Test
    void shouldHandOutHistogramsThatAddUpExactlyToTheRunsWhenAListenerAsksForThem() throws Exception {
        List<IntervalStats> intervals = new ArrayList<>();
        List<Map<String, Histogram>> histograms = new ArrayList<>();
        List<String> order = new ArrayList<>();
        IntervalHistogramListener listener = new IntervalHistogramListener() {
            @Override
            public void onIntervalHistograms(IntervalStats interval, Map<String, Histogram> responseTimes) {
                order.add("histograms " + interval.index());
                intervals.add(interval);
                histograms.add(responseTimes);
            }

            @Override
            public void onInterval(IntervalStats interval) {
                order.add("interval " + interval.index());
            }
        };
        AtomicLong calls = new AtomicLong();
        Scenario scenario = Scenario.named("histograms").users(3).hold(Duration.ofMillis(300))
                .task(2, "fast", session -> LockSupport.parkNanos(1_000_000))
                .task(1, "flaky", session -> {
                    LockSupport.parkNanos(2_000_000);
                    if (calls.incrementAndGet() % 3 == 0) {
                        throw new TaskFailure("http_500", "status 500");
                    }
                });

        RunResult result = LoadTest.run(scenario, RunOptions.custom().interval(Duration.ofMillis(100))
                .addListener(listener).build());

        assertThat(intervals).isEqualTo(result.intervals());
        assertThat(order).startsWith("histograms 0", "interval 0", "histograms 1", "interval 1");
        Map<String, Histogram> sums = new LinkedHashMap<>();
        for (int i = 0; i < intervals.size(); i++) {
            IntervalStats interval = intervals.get(i);
            assertThat(histograms.get(i).keySet()).containsExactlyElementsOf(interval.samples().keySet());
            histograms.get(i).forEach((name, h) -> {
                IntervalStats.Interval part = interval.samples().get(name);
                assertThat(h.getTotalCount()).isEqualTo(part.count() - part.failures());
                sums.computeIfAbsent(name, n -> new Histogram(h.getLowestDiscernibleValue(),
                        h.getHighestTrackableValue(), h.getNumberOfSignificantValueDigits())).add(h);
            });
        }
        for (SampleStats s : result.samples()) {
            assertThat(sums.get(s.name())).isEqualTo(s.responseTime().histogram());
        }
    }
}
