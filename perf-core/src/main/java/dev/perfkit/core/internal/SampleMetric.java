package dev.perfkit.core.internal;

import dev.perfkit.core.FailureSummary;
import dev.perfkit.core.SampleKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The live recording of one sample name: wait-free, allocation-free recording of successes into
 * striped {@link IntervalRecorder}s, and counting of failures by category and message.
 *
 * <p><b>Two clocks, recorded cheaply.</b> An unscheduled sample (its intended start is its actual
 * start: the closed model without pacing, adapter requests) has one time that is both its response
 * and its service time, so it costs one histogram write. A scheduled sample (open model, pacing)
 * writes its response time and its service time into a second pair of recorders, created on first
 * use. Draining adds the unscheduled values to both.
 *
 * <p><b>Stripes.</b> Recording picks a stripe by the calling thread's id. Virtual threads have
 * their own ids, so two carrier threads write the same stripe only when the two virtual threads
 * they run at that moment collide modulo the stripe count (a chance of 1 in
 * {@link Metrics#defaultStripes()}); a collision costs time, never correctness.
 */
public final class SampleMetric {

    private final String name;
    private final SampleKind kind;
    private final Stripe[] stripes;
    private final int mask;
    private final Map<String, CategoryCounter> failuresByCategory = new ConcurrentHashMap<>();
    /** The unscheduled values of one drain, added to both times; used by the draining thread only. */
    private final Histogram unscheduledScratch = IntervalRecorder.newSumHistogram();

    SampleMetric(String name, SampleKind kind, int stripeCount) {
        this.name = name;
        this.kind = kind;
        this.stripes = new Stripe[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new Stripe();
        }
        this.mask = stripeCount - 1;
    }

    /** Returns the sample name. */
    public String name() {
        return name;
    }

    /** Returns the kind of samples recorded under this name. */
    public SampleKind kind() {
        return kind;
    }

    /**
     * Records a successful sample. Wait-free; allocates nothing once the histograms have grown to
     * the range of the values.
     *
     * @param intendedStart when the sample was scheduled to start (response time runs from here)
     * @param start         when it actually started (service time runs from here)
     * @param end           when it ended
     */
    public void recordSuccess(long intendedStart, long start, long end) {
        Stripe s = stripes[(int) Thread.currentThread().threadId() & mask];
        if (intendedStart == start) {
            s.unscheduled.record(end - start);
        } else {
            IntervalRecorder response = s.scheduledResponse;
            if (response == null) {
                response = s.createScheduled();
            }
            response.record(end - intendedStart);
            s.scheduledService.record(end - start);
        }
    }

    /**
     * Records a failed sample: counted per interval and grouped by category and message. The time
     * is not put into the histograms, which describe successful samples.
     *
     * @param category the failure category
     * @param message  the message, cut to {@link FailureSummary#MAX_MESSAGE_LENGTH}; may be null
     */
    public void recordFailure(String category, String message) {
        stripes[(int) Thread.currentThread().threadId() & mask].failures.incrementAndGet();
        CategoryCounter counter = failuresByCategory.get(category);
        if (counter == null) {
            counter = failuresByCategory.computeIfAbsent(category, c -> new CategoryCounter());
        }
        counter.add(message);
    }

    /** Returns the failures recorded so far; exact once recording has stopped. */
    long failureCount() {
        long sum = 0;
        for (Stripe s : stripes) {
            sum += s.failures.get();
        }
        return sum;
    }

    /**
     * Moves the values recorded since the last call into {@code response} and {@code service},
     * which are reset first. Unscheduled values go into both. Called by one thread at a time.
     */
    void drainInto(Histogram response, Histogram service) {
        response.reset();
        service.reset();
        unscheduledScratch.reset();
        for (Stripe s : stripes) {
            s.unscheduled.drainInto(unscheduledScratch);
            if (s.scheduledResponse != null) {
                s.scheduledResponse.drainInto(response);
                s.scheduledService.drainInto(service);
            }
        }
        response.add(unscheduledScratch);
        service.add(unscheduledScratch);
    }

    /** Returns the failures grouped by category, largest first. */
    List<FailureSummary> failureSummaries() {
        List<FailureSummary> list = new ArrayList<>();
        failuresByCategory.forEach((category, counter) -> list.add(counter.summary(category)));
        list.sort(Comparator.comparingLong(FailureSummary::count).reversed().thenComparing(FailureSummary::category));
        return list;
    }

    private static final class Stripe {
        final IntervalRecorder unscheduled = new IntervalRecorder();
        final AtomicLong failures = new AtomicLong();
        /** Written once, before {@link #scheduledResponse}, which publishes both. */
        IntervalRecorder scheduledService;
        volatile IntervalRecorder scheduledResponse;

        synchronized IntervalRecorder createScheduled() {
            if (scheduledResponse == null) {
                scheduledService = new IntervalRecorder();
                scheduledResponse = new IntervalRecorder();
            }
            return scheduledResponse;
        }
    }

    /** Counts of one category, with a bounded set of distinct messages. */
    private static final class CategoryCounter {
        private final LongAdder count = new LongAdder();
        private final Map<String, LongAdder> messages = new ConcurrentHashMap<>();
        private final LongAdder otherMessages = new LongAdder();

        void add(String message) {
            count.increment();
            String m = message == null ? "" : message.length() > FailureSummary.MAX_MESSAGE_LENGTH
                    ? message.substring(0, FailureSummary.MAX_MESSAGE_LENGTH) + "..." : message;
            LongAdder c = messages.get(m);
            if (c == null) {
                if (messages.size() >= FailureSummary.MAX_MESSAGES) {
                    otherMessages.increment();
                    return;
                }
                c = messages.computeIfAbsent(m, k -> new LongAdder());
            }
            c.increment();
        }

        FailureSummary summary(String category) {
            List<FailureSummary.MessageCount> list = new ArrayList<>();
            messages.forEach((m, c) -> list.add(new FailureSummary.MessageCount(m, c.sum())));
            list.sort(Comparator.comparingLong(FailureSummary.MessageCount::count).reversed()
                    .thenComparing(FailureSummary.MessageCount::message));
            long other = otherMessages.sum();
            if (other > 0) {
                list.add(new FailureSummary.MessageCount(FailureSummary.OTHER_MESSAGES, other));
            }
            return new FailureSummary(category, count.sum(), list);
        }
    }
}
