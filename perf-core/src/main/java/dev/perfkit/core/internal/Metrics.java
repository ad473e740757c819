package dev.perfkit.core.internal;

import dev.perfkit.core.SampleKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All sample names of one run. Looking a name up is a {@link ConcurrentHashMap#get} (no allocation
 * once the name exists); registering a new name is rare and may allocate.
 */
public final class Metrics {

    private final ConcurrentHashMap<String, SampleMetric> byName = new ConcurrentHashMap<>();
    private final List<SampleMetric> inOrder = new CopyOnWriteArrayList<>();
    private final int stripes;

    /**
     * Creates an empty registry.
     *
     * @param stripes the stripes per sample name, a power of two
     */
    public Metrics(int stripes) {
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two, was " + stripes);
        }
        this.stripes = stripes;
    }

    /** Returns a stripe count suited to this machine: the next power of two of twice its cores. */
    public static int defaultStripes() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.min(64, Integer.highestOneBit(Math.max(1, cores * 2 - 1)) << 1);
    }

    /**
     * Returns the metric of a name, registering it on first use.
     *
     * @param name the sample name
     * @param kind the kind, fixed by the first registration
     * @return the metric
     */
    public SampleMetric metric(String name, SampleKind kind) {
        SampleMetric m = byName.get(name);
        if (m != null) {
            return m;
        }
        synchronized (this) {
            m = byName.get(name);
            if (m == null) {
                m = new SampleMetric(name, kind, stripes);
                inOrder.add(m);
                byName.put(name, m);
            }
            return m;
        }
    }

    /** Returns every metric, in registration order. */
    List<SampleMetric> all() {
        return inOrder;
    }

    /** Returns the names of the request samples recorded so far, for the abort rules on groups of requests. */
    Set<String> requestNames() {
        Set<String> names = new HashSet<>();
        for (SampleMetric m : inOrder) {
            if (m.kind() == SampleKind.REQUEST) {
                names.add(m.name());
            }
        }
        return names;
    }

    static boolean countsInRequests(SampleMetric m) {
        return m.kind() == SampleKind.REQUEST;
    }
}
