package dev.perfkit.benchmarks.load;

/**
 * The load benchmarks: whole runs of the engine, measured from outside, as a user would run them.
 * JMH measures nanoseconds well; these measure what only a whole run shows (throughput of the
 * engine, accuracy and CPU cost of the open-model pacer, memory of 100,000 users).
 *
 * <pre>
 * java -cp perf-benchmarks/target/benchmarks.jar dev.perfkit.benchmarks.load.LoadBenchmarks engine
 * java -cp perf-benchmarks/target/benchmarks.jar dev.perfkit.benchmarks.load.LoadBenchmarks engine-yield
 * java -cp perf-benchmarks/target/benchmarks.jar dev.perfkit.benchmarks.load.LoadBenchmarks pacer
 * java -Xmx512m -cp perf-benchmarks/target/benchmarks.jar dev.perfkit.benchmarks.load.LoadBenchmarks scale
 * java -cp perf-benchmarks/target/benchmarks.jar dev.perfkit.benchmarks.load.LoadBenchmarks park
 * </pre>
 *
 * Each prints the machine, the figures, and each target with MET or NOT MET. The process exits 0
 * whether or not a target is met: the figures are the output, not a verdict.
 */
public final class LoadBenchmarks {

    private LoadBenchmarks() {
    }

    /**
     * Runs one load benchmark.
     *
     * @param args {@code engine}, {@code engine-yield}, {@code pacer}, {@code scale} or {@code park}
     * @throws Exception if a run cannot be started or awaited
     */
    public static void main(String[] args) throws Exception {
        String name = args.length == 1 ? args[0] : "";
        switch (name) {
            case "engine" -> EngineOverhead.run(false);
            case "engine-yield" -> EngineOverhead.run(true);
            case "pacer" -> PacerAccuracy.run();
            case "scale" -> ScaleMemory.run();
            case "park" -> ParkCost.run();
            default -> {
                System.err.println("usage: LoadBenchmarks engine|engine-yield|pacer|scale|park");
                System.err.println("  engine        closed model, 1,000 users, no-op task, 10 s: iterations per second");
                System.err.println("  engine-yield  the same with a Thread.yield() task: every user rotates on the carriers");
                System.err.println("  pacer         open model, 5,000 arrivals/s for 10 s: achieved rate and CPU per iteration");
                System.err.println("  scale         100,000 users, 1 s think time, 10 s ramp + 60 s hold: heap per user (use -Xmx512m)");
                System.err.println("  park          diagnostic: a pacer's CPU per arrival in four designs, JDK primitives only");
                System.exit(2);
            }
        }
    }
}
