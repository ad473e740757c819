package dev.perfkit.core.internal;

import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Scrapes one Prometheus target on its own platform thread, once per interval, and keeps the
 * latest value of each selected series for gauges to read without blocking.
 *
 * <p>Each scrape is one GET with the JDK's {@link HttpClient}, bounded as a whole (connection,
 * headers and body) by the timeout; the next one starts an interval after the previous one ended,
 * so scrapes never overlap or pile up behind a slow target. A scrape that fails (no answer, a
 * status other than 200, a body not in the text format) sets every value to NaN and the monitor
 * down. Nothing about the target but its scheme, host, port and path is ever put in a message.
 *
 * <p>Thread-safe: {@link #start}/{@link #close} from the run's coordinator, {@link #latest} from
 * anywhere.
 */
public final class PrometheusScraper {

    private final URI uri;
    private final String where;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final PrometheusSelection selection;
    private final MonitorHealth health;
    private final String threadName;
    private final LongSupplier clock = System::nanoTime;
    private final double[] none;

    private volatile double[] latest;
    private ScheduledExecutorService scheduler;
    private HttpClient client;
    private Thread thread;

    /**
     * @param uri        the target
     * @param timeout    the bound of one scrape
     * @param headers    request headers, such as an Authorization; values are never logged
     * @param selection  the series to keep
     * @param health     where failures go
     * @param threadName the name of the scraping thread
     */
    public PrometheusScraper(URI uri, Duration timeout, Map<String, String> headers, PrometheusSelection selection,
                             MonitorHealth health, String threadName) {
        this.uri = uri;
        this.where = redact(uri);
        this.timeout = timeout;
        this.headers = Map.copyOf(headers);
        this.selection = selection;
        this.health = health;
        this.threadName = threadName;
        this.none = new double[selection.series().size()];
        Arrays.fill(none, Double.NaN);
        this.latest = none;
    }

    /** Returns the target without user info, query or fragment, for messages. */
    public static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /**
     * Starts scraping now and then every interval.
     *
     * @param interval the time between the end of a scrape and the start of the next
     * @throws IllegalStateException if already started
     */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            throw new IllegalStateException("the monitor of " + where + " is already started");
        }
        selection.reset();
        latest = none;
        client = HttpClient.newBuilder().connectTimeout(timeout).build();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            thread = Thread.ofPlatform().name(threadName).daemon().unstarted(task);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::scrape, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops scraping, abandons a scrape in progress and closes the client. Waits at most a second
     * for the scraping thread to end; it has ended when this returns unless a scrape ignored its
     * interruption.
     */
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (scheduler.awaitTermination(1, TimeUnit.SECONDS) && thread != null) {
                thread.join(Duration.ofSeconds(1)); // the pool is terminated a moment before its thread exits
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.shutdownNow();
        scheduler = null;
        client = null;
        thread = null;
    }

    /** Returns the latest value of the series at {@code index}, NaN when the last scrape failed. */
    public double latest(int index) {
        return latest[index];
    }

    private void scrape() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1").GET();
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (response.statusCode() != 200) {
                fail("scrape of " + where + " answered HTTP status " + response.statusCode());
                return;
            }
            List<PrometheusText.Sample> samples = PrometheusText.parse(new String(response.body(), StandardCharsets.UTF_8));
            latest = selection.values(samples, clock.getAsLong(), health::partlyFailed);
            health.ok();
        } catch (TimeoutException e) {
            future.cancel(true);
            fail(noAnswer());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            fail(e.getCause() instanceof HttpTimeoutException && !(e.getCause() instanceof HttpConnectTimeoutException)
                    ? noAnswer() : "scrape of " + where + " failed: " + MonitorHealth.describe(e.getCause()));
        } catch (PrometheusText.FormatException e) {
            fail("scrape of " + where + " is not in the Prometheus text format: " + e.getMessage());
        } catch (RuntimeException e) {
            fail("scrape of " + where + " failed: " + MonitorHealth.describe(e));
        }
    }

    private String noAnswer() {
        return "scrape of " + where + " got no answer within " + Durations.format(timeout);
    }

    private void fail(String error) {
        latest = none;
        health.failed(error);
    }
}
