package dev.perfkit.runner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A JDK HttpServer on 127.0.0.1 answering {@code GET /work?shard=I} with 200 at once, counting the
 * requests of each shard, so that a test can wait until a shard process is half-way through its
 * run without sleeping.
 */
final class ShardCountingServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLongArray requests;
    private final CountDownLatch[] reached;

    /**
     * @param shards    the number of shards counted (indexes 0 to shards - 1)
     * @param threshold the request count of a shard at which {@link #awaitRequests} returns
     */
    ShardCountingServer(int shards, long threshold) throws IOException {
        requests = new AtomicLongArray(shards);
        reached = new CountDownLatch[shards];
        for (int i = 0; i < shards; i++) {
            reached[i] = new CountDownLatch(1);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/work", exchange -> {
            int shard = shardOf(exchange.getRequestURI().getRawQuery());
            if (shard >= 0 && shard < shards && requests.incrementAndGet(shard) == threshold) {
                reached[shard].countDown();
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    private static int shardOf(String query) {
        if (query == null || !query.startsWith("shard=")) {
            return -1;
        }
        try {
            return Integer.parseInt(query.substring("shard=".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests received from a shard so far. */
    long requests(int shard) {
        return requests.get(shard);
    }

    /** Waits until a shard has sent the threshold's number of requests; false if it did not in time. */
    boolean awaitRequests(int shard, Duration timeout) throws InterruptedException {
        return reached[shard].await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
