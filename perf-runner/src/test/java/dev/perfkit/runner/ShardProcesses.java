package dev.perfkit.runner;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * N child JVMs, each running {@code dev.perfkit.runner.Main run --scenario ShardedHttpScenario
 * --shard i/N --start-at T} on this JVM's java and class path, with output in {@code shard-i.log}.
 * {@code --host} names the loopback target.
 */
final class ShardProcesses {


    private final Path dir;
    private final List<Process> processes;

    private ShardProcesses(Path dir, List<Process> processes) {
        this.dir = dir;
        this.processes = processes;
    }

    static ShardProcesses start(Path dir, URI target, int seconds, int shards, Instant startAt) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        List<Process> started = new ArrayList<>();
        ShardProcesses all = new ShardProcesses(dir, started);
        try {
            for (int i = 0; i < shards; i++) {
                ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath,
                        "-D" + ShardedHttpScenario.SECONDS + "=" + seconds,
                        "-D" + ShardedHttpScenario.SHARD + "=" + i,
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        Main.class.getName(), "run", "--scenario", ShardedHttpScenario.class.getName(),
                        "--host", target.toString(),
                        "--shard", i + "/" + shards, "--start-at", startAt.toString(),
                        "--out", dir.resolve("shard-" + i).toString(), "--format", "json", "--quiet");
                builder.redirectErrorStream(true).redirectOutput(dir.resolve("shard-" + i + ".log").toFile());
                started.add(builder.start());
            }
        } catch (IOException | RuntimeException e) {
            all.destroy();
            throw e;
        }
        return all;
    }

    Process process(int shard) {
        return processes.get(shard);
    }

    /** Waits for a shard's JVM to end and returns its exit code; -1 if it did not end in time. */
    int await(int shard, Duration timeout) throws InterruptedException {
        Process p = processes.get(shard);
        return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? p.exitValue() : -1;
    }

    /** The folders holding each shard's {@code result.json}, in shard order. */
    List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            folders.add(dir.resolve("shard-" + i).resolve(ShardedHttpScenario.NAME).resolve(ShardedHttpScenario.SCENARIO));
        }
        return folders;
    }

    /** What a shard's JVM printed, for the message of a failed assertion. */
    String log(int shard) {
        try {
            return "shard " + shard + " output:\n" + Files.readString(dir.resolve("shard-" + shard + ".log"));
        } catch (IOException e) {
            return "shard " + shard + " output unreadable: " + e;
        }
    }

    /** Kills every child still running (SIGKILL) and waits for it to end. */
    void destroy() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
