package dev.perfkit.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfkit.core.internal.Durations;
import dev.perfkit.http.internal.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How an {@link Http} client connects: base URL, default headers, timeouts, connection pool,
 * protocol, TLS, cookies, timings and redaction.
 *
 * <pre>{@code
 * HttpConfig config = HttpConfig.custom()
 *     .baseUrl("https://staging.example.test")
 *     .addHeader("Accept", "application/json")
 *     .connectTimeout(Duration.ofSeconds(2))
 *     .readTimeout(Duration.ofSeconds(5))
 *     .maxConnections(200)
 *     .protocol(HttpProtocol.HTTP_2)
 *     .trustStore(Path.of("staging-ca.p12"), "changeit".toCharArray())
 *     .build();
 * Http http = Http.create(config);
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toBuilder()} starts a modified copy. Every setter checks
 * its argument at once and throws {@link IllegalArgumentException} (or {@link NullPointerException}
 * for a null) naming the configuration, the field and the value; {@link Builder#build()} checks the
 * fields against each other and reports every conflict in one exception. {@link #toString()} never
 * shows a secret.
 */
public final class HttpConfig {

    /** The name of a client that sets none; it prefixes its gauges and log lines. */
    public static final String DEFAULT_NAME = "http";
    /** The longest wait for a TCP connection (and its TLS handshake): 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest wait between two bytes of the response: 30 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** The longest wait between two writes of the request: 30 s. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** No limit on a whole call by default: a call timeout costs a watchdog entry per call. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ZERO;
    /** {@link #maxConnections()} of 0: no cap on connections or requests in flight. */
    public static final int UNLIMITED = 0;
    /** The idle connections kept alive when {@link #maxConnections()} is unlimited: 10,000. */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 10_000;
    /** How long an idle connection is kept for reuse: 5 minutes, as OkHttp does. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(5);
    /** HTTP/2 where a TLS server offers it, HTTP/1.1 otherwise, as browsers and OkHttp do. */
    public static final HttpProtocol DEFAULT_PROTOCOL = HttpProtocol.HTTP_2;
    /** The {@code User-Agent} header of every request unless set. */
    public static final String DEFAULT_USER_AGENT = "perfkit-http";
    /** The most bytes of a response body kept in memory for checks and {@link HttpResponse#body()}: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private final String name;
    private final String baseUrl;
    private final Map<String, String> headers;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final int maxConnections;
    private final Duration keepAlive;
    private final HttpProtocol protocol;
    private final KeyStore trustStore;
    private final boolean insecure;
    private final boolean followRedirects;
    private final boolean cookies;
    private final boolean timings;
    private final boolean recordRequests;
    private final boolean retryOnConnectionFailure;
    private final int maxBodyBytes;
    private final ObjectMapper objectMapper;
    private final Set<String> redactedHeaders;
    private final Set<String> redactedParameters;
    private final Redactor redactor;

    private HttpConfig(Builder b) {
        this.name = b.name;
        this.baseUrl = b.baseUrl;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.userAgent = b.userAgent;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
        this.maxConnections = b.maxConnections;
        this.keepAlive = b.keepAlive;
        this.protocol = b.protocol;
        this.trustStore = b.trustStore;
        this.insecure = b.insecure;
        this.followRedirects = b.followRedirects;
        this.cookies = b.cookies;
        this.timings = b.timings;
        this.recordRequests = b.recordRequests;
        this.retryOnConnectionFailure = b.retryOnConnectionFailure;
        this.maxBodyBytes = b.maxBodyBytes;
        this.objectMapper = b.objectMapper != null ? b.objectMapper : JsonMapper.builder().build();
        this.redactedHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(b.redactedHeaders));
        this.redactedParameters = Collections.unmodifiableSet(new LinkedHashSet<>(b.redactedParameters));
        this.redactor = new Redactor(redactedHeaders, redactedParameters);
    }

    /** Returns a builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Returns the defaults with a base URL: the shortest way to a client.
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL
     * @return the configuration
     */
    public static HttpConfig of(String baseUrl) {
        return custom().baseUrl(baseUrl).build();
    }

    /** Returns a builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns the client's name, used in gauge names and log lines; default {@value #DEFAULT_NAME}. */
    public String name() {
        return name;
    }

    /** Returns the URL that request paths are appended to, if one is set. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** Returns the headers sent with every request, in the order they were added; requests may override them. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns the {@code User-Agent} header; default {@value #DEFAULT_USER_AGENT}. */
    public String userAgent() {
        return userAgent;
    }

    /** Returns the connect timeout (TCP and TLS); default {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Returns the read timeout; default {@link #DEFAULT_READ_TIMEOUT}. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Returns the write timeout; default {@link #DEFAULT_WRITE_TIMEOUT}. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Returns the timeout of a whole call, zero for none; default {@link #DEFAULT_CALL_TIMEOUT}. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Returns the cap on requests in flight (and so on HTTP/1.1 connections), or {@link #UNLIMITED}. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Returns how long an idle connection is kept for reuse; default {@link #DEFAULT_KEEP_ALIVE}. */
    public Duration keepAlive() {
        return keepAlive;
    }

    /** Returns the protocol; default {@link #DEFAULT_PROTOCOL}. */
    public HttpProtocol protocol() {
        return protocol;
    }

    /** Returns the trust store that replaces the JDK's trusted certificates, if one is set. */
    public Optional<KeyStore> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** Returns true if certificates and host names are not checked at all. */
    public boolean insecure() {
        return insecure;
    }

    /** Returns true if redirects are followed (within one sample); default true. */
    public boolean followRedirects() {
        return followRedirects;
    }

    /** Returns true if each virtual user keeps its own cookies; default true. */
    public boolean cookies() {
        return cookies;
    }

    /** Returns true if the phases of each request are recorded as timings; default true. */
    public boolean timings() {
        return timings;
    }

    /** Returns true if each request is recorded as a sample of its own; default true. */
    public boolean recordRequests() {
        return recordRequests;
    }

    /** Returns true if OkHttp may retry a request on a new connection when a pooled one proved dead; default true. */
    public boolean retryOnConnectionFailure() {
        return retryOnConnectionFailure;
    }

    /** Returns the most bytes of a response body kept in memory; default {@link #DEFAULT_MAX_BODY_BYTES}. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Returns the Jackson mapper for JSON bodies, checks and extraction. */
    public ObjectMapper objectMapper() {
        return objectMapper;
    }

    /** Returns the header names whose values are redacted besides {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie}. */
    public Set<String> redactedHeaders() {
        return redactedHeaders;
    }

    /** Returns the parameter names whose values are redacted besides those containing password, passwd, token or secret. */
    public Set<String> redactedParameters() {
        return redactedParameters;
    }

    /** The redaction rules of this configuration. */
    Redactor redactor() {
        return redactor;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HttpConfig{name=").append(name);
        if (baseUrl != null) {
            sb.append(", baseUrl=").append(redactor.text(baseUrl));
        }
        if (!headers.isEmpty()) {
            sb.append(", headers={");
            String sep = "";
            for (Map.Entry<String, String> h : headers.entrySet()) {
                sb.append(sep).append(h.getKey()).append('=').append(redactor.headerValue(h.getKey(), h.getValue()));
                sep = ", ";
            }
            sb.append('}');
        }
        sb.append(", protocol=").append(protocol)
                .append(", connectTimeout=").append(Durations.format(connectTimeout))
                .append(", readTimeout=").append(Durations.format(readTimeout))
                .append(", writeTimeout=").append(Durations.format(writeTimeout))
                .append(", callTimeout=").append(Durations.format(callTimeout))
                .append(", maxConnections=").append(maxConnections == UNLIMITED ? "unlimited" : String.valueOf(maxConnections))
                .append(", keepAlive=").append(Durations.format(keepAlive));
        if (trustStore != null) {
            sb.append(", trustStore=custom");
        }
        if (insecure) {
            sb.append(", insecure");
        }
        return sb.append(", cookies=").append(cookies).append(", timings=").append(timings)
                .append(", recordRequests=").append(recordRequests).append('}').toString();
    }

    /** Builds an {@link HttpConfig}. Not thread-safe. */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private String baseUrl;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String userAgent = DEFAULT_USER_AGENT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private int maxConnections = UNLIMITED;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private HttpProtocol protocol = DEFAULT_PROTOCOL;
        private KeyStore trustStore;
        private boolean insecure;
        private boolean followRedirects = true;
        private boolean cookies = true;
        private boolean timings = true;
        private boolean recordRequests = true;
        private boolean retryOnConnectionFailure = true;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private ObjectMapper objectMapper;
        private final Set<String> redactedHeaders = new LinkedHashSet<>();
        private final Set<String> redactedParameters = new LinkedHashSet<>();

        private Builder() {
        }

        private Builder(HttpConfig c) {
            name = c.name;
            baseUrl = c.baseUrl;
            headers.putAll(c.headers);
            userAgent = c.userAgent;
            connectTimeout = c.connectTimeout;
            readTimeout = c.readTimeout;
            writeTimeout = c.writeTimeout;
            callTimeout = c.callTimeout;
            maxConnections = c.maxConnections;
            keepAlive = c.keepAlive;
            protocol = c.protocol;
            trustStore = c.trustStore;
            insecure = c.insecure;
            followRedirects = c.followRedirects;
            cookies = c.cookies;
            timings = c.timings;
            recordRequests = c.recordRequests;
            retryOnConnectionFailure = c.retryOnConnectionFailure;
            maxBodyBytes = c.maxBodyBytes;
            objectMapper = c.objectMapper;
            redactedHeaders.addAll(c.redactedHeaders);
            redactedParameters.addAll(c.redactedParameters);
        }

        private String where() {
            return "httpConfig[" + name + "]";
        }

        /**
         * Sets the client's name, which prefixes its gauges ({@code <name>.connections}) and log lines.
         *
         * @param name non-blank; default {@value #DEFAULT_NAME}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Require.notBlank("httpConfig", "name", name);
            return this;
        }

        /**
         * Sets the URL that request paths are appended to: {@code baseUrl("http://127.0.0.1:8080/api")}
         * and the path {@code /users} make {@code http://127.0.0.1:8080/api/users}. Requests with an
         * absolute URL ignore it. A trailing {@code /} is dropped.
         *
         * @param baseUrl an absolute {@code http} or {@code https} URL with a host, no query or fragment
         * @return this builder
         * @throws IllegalArgumentException if it is not such a URL
         */
        public Builder baseUrl(String baseUrl) {
            Require.notBlank(where(), "baseUrl", baseUrl);
            String shown = Redactor.defaults().text(baseUrl);
            URI uri;
            try {
                uri = new URI(baseUrl);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(where() + ": baseUrl is not a URL (" + e.getReason() + "), was \"" + shown + "\"");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException(where() + ": baseUrl must be an absolute http or https URL with a host, was \"" + shown + "\"");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(where() + ": baseUrl must have no query or fragment (put them on requests), was \"" + shown + "\"");
            }
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            return this;
        }

        /**
         * Adds a header sent with every request, or replaces one of the same name (any case). A
         * request's own header of the same name wins.
         *
         * @param name  an HTTP header name
         * @param value the value, without line breaks
         * @return this builder
         */
        public Builder addHeader(String name, String value) {
            Require.token(where(), "header name", name);
            Require.headerValue(where(), "header[" + name + "]", value);
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /**
         * Sets the {@code User-Agent} header.
         *
         * @param userAgent non-blank; default {@value #DEFAULT_USER_AGENT}
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            Require.notBlank(where(), "userAgent", userAgent);
            this.userAgent = Require.headerValue(where(), "userAgent", userAgent);
            return this;
        }

        /**
         * Sets the longest wait for a TCP connection; a TLS handshake gets as long again. A
         * request that runs out fails with {@link HttpFailureCategory#CONNECT_TIMEOUT}.
         *
         * @param timeout {@code > 0}; default {@link #DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Require.positive(where(), "connectTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest wait for each read of the response (its first byte included); a request
         * that runs out fails with {@link HttpFailureCategory#READ_TIMEOUT}.
         *
         * @param timeout {@code > 0}; default {@link #DEFAULT_READ_TIMEOUT}
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Require.positive(where(), "readTimeout", timeout);
            return this;
        }

        /**
         * Sets the longest wait for each write of the request; a request that runs out fails with
         * {@link HttpFailureCategory#WRITE_TIMEOUT}.
         *
         * @param timeout {@code > 0}; default {@link #DEFAULT_WRITE_TIMEOUT}
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Require.positive(where(), "writeTimeout", timeout);
            return this;
        }

        /**
         * Sets a limit on each whole call, from connecting to the end of the body, redirects
         * included; a request that runs out fails with {@link HttpFailureCategory#CALL_TIMEOUT}.
         * It costs a watchdog entry per call (OkHttp's {@code AsyncTimeout}), which is why there is
         * none by default. A request can set its own ({@link HttpRequest#callTimeout(Duration)}).
         *
         * @param timeout {@code >= 0}, zero for none; default {@link #DEFAULT_CALL_TIMEOUT}
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Require.nonNegative(where(), "callTimeout", timeout);
            return this;
        }

        /**
         * Caps the requests in flight at once over all virtual users, which for HTTP/1.1 caps the
         * open connections: the size of the connection pool. A request that finds the cap reached
         * waits for a free slot, and the wait is part of its time (recorded as its
         * {@code blocked} timing). With HTTP/2 it caps concurrent streams.
         *
         * @param maxConnections {@code > 0}, or {@link #UNLIMITED}; default unlimited
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = Require.nonNegative(where(), "maxConnections", maxConnections);
            return this;
        }

        /**
         * Sets how long an idle connection stays in the pool for reuse.
         *
         * @param keepAlive {@code > 0}; default {@link #DEFAULT_KEEP_ALIVE}
         * @return this builder
         */
        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = Require.positive(where(), "keepAlive", keepAlive);
            return this;
        }

        /**
         * Sets the HTTP versions spoken; see {@link HttpProtocol}.
         *
         * @param protocol the protocol; default {@link #DEFAULT_PROTOCOL}
         * @return this builder
         */
        public Builder protocol(HttpProtocol protocol) {
            this.protocol = Require.notNull(where(), "protocol", protocol);
            return this;
        }

        /**
         * Trusts the certificates of a key store instead of the JDK's: for test targets whose
         * certificates come from a private authority.
         *
         * @param trustStore a loaded key store holding trusted certificates
         * @return this builder
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = Require.notNull(where(), "trustStore", trustStore);
            return this;
        }

        /**
         * Trusts the certificates of a key store file (PKCS#12 or JKS, detected from the content)
         * instead of the JDK's. The file is read here, once.
         *
         * @param file     the key store file
         * @param password its password, or null if it has none; not kept
         * @return this builder
         * @throws IllegalArgumentException if the file cannot be read as a key store, naming it
         */
        public Builder trustStore(Path file, char[] password) {
            Require.notNull(where(), "trustStore", file);
            try {
                this.trustStore = KeyStore.getInstance(file.toFile(), password);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException(where() + ": trustStore could not be read from " + file + ": " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Trusts the certificates of a PEM or DER file (one or several) instead of the JDK's. The
         * file is read here, once.
         *
         * @param file the certificate file
         * @return this builder
         * @throws IllegalArgumentException if the file holds no certificate, naming it
         */
        public Builder trustCertificates(Path file) {
            Require.notNull(where(), "trustCertificates", file);
            try (InputStream in = Files.newInputStream(file)) {
                List<Certificate> certificates = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
                if (certificates.isEmpty()) {
                    throw new IllegalArgumentException(where() + ": trustCertificates found no certificate in " + file);
                }
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < certificates.size(); i++) {
                    store.setCertificateEntry("cert-" + i, certificates.get(i));
                }
                this.trustStore = store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException(where() + ": trustCertificates could not be read from " + file + ": " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Turns certificate and host name checks off entirely, for test targets with self-signed
         * certificates. The traffic is still encrypted but anyone in the middle can read it. The
         * client logs a warning when it is created. Cannot be combined with a trust store.
         *
         * @param insecure true to turn checks off; default false
         * @return this builder
         */
        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        /**
         * Sets whether redirects are followed. A followed redirect is part of the same sample.
         *
         * @param follow default true
         * @return this builder
         */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * Sets whether each virtual user keeps the cookies it receives and sends them back, as a
         * browser does. Each user has its own cookie jar, so users never see each other's sessions.
         *
         * @param cookies default true
         * @return this builder
         */
        public Builder cookies(boolean cookies) {
            this.cookies = cookies;
            return this;
        }

        /**
         * Sets whether the phases of each request (blocked, DNS, connect, TLS, sending, waiting,
         * receiving) are recorded as timings beside its sample. Off saves a few clock reads and
         * recordings per request; failures are then told apart by their messages alone.
         *
         * @param timings default true
         * @return this builder
         */
        public Builder timings(boolean timings) {
            this.timings = timings;
            return this;
        }

        /**
         * Sets whether each request is recorded as a sample of its own (a {@code REQUEST} sample
         * that counts in the run's totals). Turn it off when every task is exactly one request: the
         * task's own sample, which the engine times from the intended start in the open model,
         * then stands for the request, failure category included (the request's failure is thrown
         * as the task's). Timings are still recorded.
         *
         * @param record default true
         * @return this builder
         */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /**
         * Sets whether OkHttp may send a request again on a new connection when a pooled connection
         * turned out to be closed by the server, or when another route to the host exists. Such a
         * retry is invisible: it happens inside one sample.
         *
         * @param retry default true
         * @return this builder
         */
        public Builder retryOnConnectionFailure(boolean retry) {
            this.retryOnConnectionFailure = retry;
            return this;
        }

        /**
         * Sets the most bytes of a response body kept in memory; the rest is read (so the
         * connection can be reused) and dropped, and {@link HttpResponse#bodyTruncated()} says so.
         *
         * @param maxBodyBytes {@code >= 0}; default {@link #DEFAULT_MAX_BODY_BYTES}
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = Require.nonNegative(where(), "maxBodyBytes", maxBodyBytes);
            return this;
        }

        /**
         * Sets the Jackson mapper that writes JSON bodies and reads JSON responses.
         *
         * @param objectMapper the mapper; default a plain {@link JsonMapper}
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = Require.notNull(where(), "objectMapper", objectMapper);
            return this;
        }

        /**
         * Adds a header whose values never appear in messages, logs or {@code toString()}, besides
         * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie}.
         *
         * @param name the header name, any case
         * @return this builder
         */
        public Builder addRedactedHeader(String name) {
            redactedHeaders.add(Require.token(where(), "redactedHeader", name));
            return this;
        }

        /**
         * Adds a query or form parameter whose values never appear in messages, logs or
         * {@code toString()}, besides those whose name contains password, passwd, token or secret.
         *
         * @param name the parameter name, any case
         * @return this builder
         */
        public Builder addRedactedParameter(String name) {
            redactedParameters.add(Require.notBlank(where(), "redactedParameter", name));
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException listing every conflict between fields: {@link HttpProtocol#H2C}
         *                                  with an {@code https} base URL, a trust store with insecure mode
         */
        public HttpConfig build() {
            List<String> problems = new ArrayList<>();
            if (protocol == HttpProtocol.H2C && baseUrl != null && baseUrl.regionMatches(true, 0, "https:", 0, 6)) {
                problems.add("protocol H2C is HTTP/2 without TLS, but baseUrl is https (use HTTP_2 for h2 over TLS)");
            }
            if (insecure && trustStore != null) {
                problems.add("insecure trusts every certificate, so a trustStore has no use: set one or the other");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(where() + ": " + String.join("; ", problems));
            }
            return new HttpConfig(this);
        }
    }
}
