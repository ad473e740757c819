package dev.perfkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfkit.http.internal.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A response as a check, an extraction or the task sees it: status, headers, the body read into
 * memory, and the request's timings.
 *
 * <p>The network response is already closed when this object exists: its connection is back in the
 * pool whatever the caller does with it. The body holds at most {@link HttpConfig#maxBodyBytes()}
 * bytes ({@link #bodyTruncated()} says whether more came). {@link #body()} decodes with the
 * charset of the {@code Content-Type} (UTF-8 if none) and {@link #json()} parses with the client's
 * Jackson mapper, each once, on first use.
 *
 * <p>Immutable to its users; safe to read from any thread. {@link #toString()} shows no header
 * value and no body.
 */
public final class HttpResponse {

    private final String method;
    private final String url;
    private final int status;
    private final String protocol;
    private final Headers headers;
    private final byte[] body;
    private final long bodyLength;
    private final Charset charset;
    private final HttpTimings timings;
    private final ObjectMapper mapper;
    private final Redactor redactor;
    private volatile String bodyText;
    private volatile JsonNode json;

    HttpResponse(String method, String url, int status, String protocol, Headers headers, byte[] body, long bodyLength,
                 Charset charset, HttpTimings timings, ObjectMapper mapper, Redactor redactor) {
        this.method = method;
        this.url = url;
        this.status = status;
        this.protocol = protocol;
        this.headers = headers;
        this.body = body;
        this.bodyLength = bodyLength;
        this.charset = charset;
        this.timings = timings;
        this.mapper = mapper;
        this.redactor = redactor;
    }

    /** Returns the status code, such as 200. */
    public int status() {
        return status;
    }

    /** Returns the protocol the response came over: {@code "http/1.1"}, {@code "h2"} or {@code "h2_prior_knowledge"}. */
    public String protocol() {
        return protocol;
    }

    /** Returns the request's method. */
    public String method() {
        return method;
    }

    /** Returns the final URL (after redirects), with secrets redacted. */
    public String url() {
        return redactor.text(url);
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * Returns every value of a header, in order.
     *
     * @param name the header name, any case
     * @return the values, empty if none
     */
    public List<String> headers(String name) {
        return headers.values(name);
    }

    /** Returns every header as a map from lower-case name to its values, in order of arrival. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : headers.names()) {
            map.put(name.toLowerCase(Locale.ROOT), headers.values(name));
        }
        return map;
    }

    /** Returns a copy of the body bytes kept (at most {@link HttpConfig#maxBodyBytes()}). */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /** Returns the body as text, decoded with the charset of its {@code Content-Type}, UTF-8 if none. */
    public String body() {
        String text = bodyText;
        if (text == null) {
            text = new String(body, charset);
            bodyText = text;
        }
        return text;
    }

    /** Returns the number of body bytes received, including those dropped beyond {@link HttpConfig#maxBodyBytes()}. */
    public long bodyLength() {
        return bodyLength;
    }

    /** Returns true if the body was longer than {@link HttpConfig#maxBodyBytes()} and only its start was kept. */
    public boolean bodyTruncated() {
        return bodyLength > body.length;
    }

    /**
     * Returns the body parsed as JSON.
     *
     * @return the root node
     * @throws UncheckedIOException if the body is not JSON
     */
    public JsonNode json() {
        JsonNode node = json;
        if (node == null) {
            try {
                node = body.length == 0 ? mapper.missingNode() : mapper.readTree(body);
            } catch (IOException e) {
                // Jackson's message quotes the body, which may hold secrets: only say where it broke.
                String at = e instanceof com.fasterxml.jackson.core.JacksonException j && j.getLocation() != null
                        ? " (at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "";
                String message = "response of " + method + " " + url() + " is not JSON" + at;
                throw new UncheckedIOException(message, new IOException(message));
            }
            json = node;
        }
        return node;
    }

    /** Returns the request's time, as recorded in its sample: from sending to the end of the body. */
    public Duration responseTime() {
        return Duration.ofNanos(timings.totalNanos());
    }

    /** Returns where the request's time went. */
    public HttpTimings timings() {
        return timings;
    }

    /** Returns the raw header values; only for this package's checks and extractions. */
    Headers rawHeaders() {
        return headers;
    }

    /** Returns the body bytes without a copy; only for this package. */
    byte[] rawBody() {
        return body;
    }

    @Override
    public String toString() {
        return "HttpResponse{" + method + " " + url() + " -> " + status + " " + protocol + ", " + bodyLength + " body bytes, "
                + String.format(Locale.ROOT, "%.3f ms", timings.totalNanos() / 1e6) + "}";
    }
}
