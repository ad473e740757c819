package dev.perfkit.report;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium started for one test: isolated profile, no network services of its own, a
 * DevTools endpoint on a free loopback port. {@link #close()} always ends the process and its
 * children.
 */
final class Chromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Process process;
    private final URI devTools;
    private final StringBuffer output = new StringBuffer();

    private Chromium(Path binary, Path profile) throws Exception {
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> readErrors(endpoint), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            // Chromium prints its endpoint once it listens; it also writes the port to
            // <profile>/DevToolsActivePort, but the line on stderr needs no polling.
            devTools = endpoint.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IOException("chromium did not start its DevTools endpoint; its output:\n" + output, e);
        }
    }

    /** Starts Chromium with a fresh profile in the given folder. */
    static Chromium start(Path binary, Path profile) throws Exception {
        return new Chromium(binary, profile);
    }

    /** Returns the first Chromium binary on the PATH (or in {@code PERFKIT_CHROMIUM}), if any. */
    static Optional<Path> find() {
        String configured = System.getenv("PERFKIT_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : BINARIES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the browser's DevTools WebSocket endpoint. */
    URI devTools() {
        return devTools;
    }

    private void readErrors(CompletableFuture<URI> endpoint) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    endpoint.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            endpoint.completeExceptionally(e);
        }
        endpoint.completeExceptionally(new IOException("chromium exited with status "
                + (process.isAlive() ? "unknown" : process.exitValue())));
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
