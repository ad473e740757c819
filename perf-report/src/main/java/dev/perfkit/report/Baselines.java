package dev.perfkit.report;

import dev.perfkit.core.RunResult;
import dev.perfkit.core.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Saves and loads baselines: a baseline is a saved result, written by {@link ResultJson}, so a
 * later run can be compared with it exactly (the histograms are kept whole).
 *
 * <pre>{@code
 * Baselines.save(result, Path.of("perf/baselines/shop.json"));
 * RunResult baseline = Baselines.load(Path.of("perf/baselines/shop.json"));
 * }</pre>
 */
public final class Baselines {

    private Baselines() {
    }

    /**
     * Saves a result as a baseline, atomically.
     *
     * @param result the result
     * @param file   the file; parent folders are created
     * @return the file
     * @throws IOException if the file cannot be written
     */
    public static Path save(RunResult result, Path file) throws IOException {
        return ResultJson.write(result, Optional.empty(), file);
    }

    /**
     * Saves a judged result as a baseline, atomically.
     *
     * @param result  the result
     * @param verdict its verdict
     * @param file    the file; parent folders are created
     * @return the file
     * @throws IOException if the file cannot be written
     */
    public static Path save(RunResult result, Verdict verdict, Path file) throws IOException {
        return ResultJson.write(result, Optional.of(verdict), file);
    }

    /**
     * Loads a baseline's result. {@link ResultJson#read(Path)} gives the verdict and environment too.
     *
     * @param file the file, written by {@link #save} or {@link ResultJson}
     * @return the result
     * @throws IOException if the file cannot be read or is not a perfkit result of a known version
     */
    public static RunResult load(Path file) throws IOException {
        return ResultJson.read(file).result();
    }
}
