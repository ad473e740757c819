package dev.perfkit.core;

import dev.perfkit.core.internal.MonitorHealth;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitors the JVM the run is in, through its management beans: useful when the system under test
 * is embedded in the same JVM, and to see what the load generator itself costs.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.custom().addMonitor(JvmMonitor.create()).build();
 * }</pre>
 *
 * <p>Gauges, with the default label {@code jvm}:
 * <ul>
 *   <li>{@code jvm.cpu}: CPU time the JVM used during the interval, as a share 0..1 of the
 *       processors it may use ({@link Runtime#availableProcessors()}, which honours container
 *       limits); from {@code getProcessCpuTime} deltas, so other callers of the OS bean do not
 *       disturb it;</li>
 *   <li>{@code jvm.memory}: heap used, in bytes; {@code jvm.heap.committed}: heap committed, in
 *       bytes;</li>
 *   <li>{@code jvm.memory.afterGc}: heap used right after the last garbage collection, in bytes
 *       (the heap pools' usage in the collector's last {@code GcInfo}); NaN before the first one.
 *       This is the figure that shows a leak: it climbs while {@code jvm.memory} saws;</li>
 *   <li>{@code jvm.gc.pause}: time spent in collections during the interval, in ms, summed over the
 *       collectors. Beans whose name ends in {@code Cycles} (ZGC, Shenandoah) count concurrent
 *       work, not pauses, and are left out;</li>
 *   <li>{@code jvm.threads}: live platform threads (virtual threads are not counted);</li>
 *   <li>{@code jvm.up}: 1, or 0 if a reading of the interval failed; read last.</li>
 * </ul>
 *
 * <p>The gauges are read on the run's coordinator thread and take microseconds. Not for
 * concurrent use by several runs: the CPU and GC figures are deltas since the previous reading.
 */
public final class JvmMonitor implements ResourceMonitor {

    /** The default label: {@code jvm}. */
    public static final String DEFAULT_LABEL = "jvm";

    private static final Logger LOG = LoggerFactory.getLogger(JvmMonitor.class);

    private final String label;
    private final MonitorHealth health;
    private final Map<String, DoubleSupplier> gauges;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final int processors = Runtime.getRuntime().availableProcessors();

    private long lastCpuNanos;
    private long lastCpuAt;
    private long lastGcMillis;

    private JvmMonitor(String label) {
        this.label = label;
        this.health = new MonitorHealth(LOG, label, true);
        Map<String, DoubleSupplier> g = new LinkedHashMap<>();
        g.put(label + ".cpu", () -> read("cpu", this::cpu));
        g.put(label + ".memory", () -> read("heap used", () -> memory.getHeapMemoryUsage().getUsed()));
        g.put(label + ".memory.afterGc", () -> read("heap after GC", this::heapAfterGc));
        g.put(label + ".heap.committed", () -> read("heap committed", () -> memory.getHeapMemoryUsage().getCommitted()));
        g.put(label + ".gc.pause", () -> read("GC pause", this::gcPauseMillis));
        g.put(label + ".threads", () -> read("threads", threads::getThreadCount));
        g.put(label + ".up", () -> {
            double up = health.upValue();
            health.ok();
            return up;
        });
        this.gauges = Collections.unmodifiableMap(g);
        resetBaselines();
    }

    /** Returns a monitor of this JVM labelled {@code jvm}. */
    public static JvmMonitor create() {
        return new JvmMonitor(DEFAULT_LABEL);
    }

    /**
     * Returns a monitor of this JVM with another label, such as {@code generator}.
     *
     * @param label the label, non-blank
     * @return the monitor
     * @throws IllegalArgumentException if the label is blank
     */
    public static JvmMonitor create(String label) {
        return new JvmMonitor(Checks.name("jvmMonitor", "label", label));
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Map<String, DoubleSupplier> gauges() {
        return gauges;
    }

    /** Takes the CPU time and GC time to measure the first interval from. */
    @Override
    public void start(Duration interval) {
        resetBaselines();
    }

    /** Does nothing: the beans need no releasing. */
    @Override
    public void close() {
    }

    @Override
    public Optional<String> lastError() {
        return health.lastError();
    }

    @Override
    public String toString() {
        return "JvmMonitor[" + label + "]";
    }

    private void resetBaselines() {
        lastCpuAt = System.nanoTime();
        lastCpuNanos = processCpuNanos();
        lastGcMillis = totalGcMillis();
    }

    private double read(String what, DoubleSupplier reading) {
        try {
            return reading.getAsDouble();
        } catch (RuntimeException e) {
            health.failed("reading " + what + " failed: " + MonitorHealth.describe(e));
            return Double.NaN;
        }
    }

    private double cpu() {
        long now = System.nanoTime();
        long cpuNanos = processCpuNanos();
        double share = (double) (cpuNanos - lastCpuNanos) / Math.max(1, now - lastCpuAt) / processors;
        boolean known = cpuNanos >= 0 && lastCpuNanos >= 0;
        lastCpuAt = now;
        lastCpuNanos = cpuNanos;
        return known ? Math.clamp(share, 0.0, 1.0) : Double.NaN;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private double gcPauseMillis() {
        long total = totalGcMillis();
        long delta = total - lastGcMillis;
        lastGcMillis = total;
        return Math.max(0, delta);
    }

    private long totalGcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            long millis = gc.getCollectionTime();
            if (millis > 0 && !gc.getName().endsWith("Cycles")) {
                total += millis;
            }
        }
        return total;
    }

    private double heapAfterGc() {
        com.sun.management.GcInfo latest = null;
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean bean) {
                com.sun.management.GcInfo info = bean.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return Double.NaN;
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : latest.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }
}
