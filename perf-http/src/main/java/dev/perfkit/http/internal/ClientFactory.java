package dev.perfkit.http.internal;

import dev.perfkit.http.HttpConfig;
import dev.perfkit.http.HttpProtocol;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Builds the one {@link OkHttpClient} a perf-http client shares between its virtual users, tuned
 * for load rather than for an app:
 * <ul>
 *   <li>no per-host limit: OkHttp's dispatcher allows 5 requests per host by default; here the
 *       limits are lifted (they bind only asynchronous calls, which the adapter does not use, but
 *       a caller's own async calls through the same dispatcher should not be throttled either);</li>
 *   <li>a connection pool sized by {@link HttpConfig#maxConnections()} (or
 *       {@link HttpConfig#DEFAULT_MAX_IDLE_CONNECTIONS} idle connections), kept alive for
 *       {@link HttpConfig#keepAlive()};</li>
 *   <li>no fast fallback (happy eyeballs): it would open each new connection on a background
 *       thread and race the target's addresses, extra work and extra connections that a load
 *       test does not want; connects run on the virtual user's own thread;</li>
 *   <li>the protocols, timeouts and TLS trust of the configuration.</li>
 * </ul>
 * Each virtual user then derives its own client with {@link OkHttpClient#newBuilder()}, adding its
 * cookie jar and its {@link PhaseListener}; derived clients share the pool and the dispatcher.
 */
public final class ClientFactory {

    private ClientFactory() {
    }

    /**
     * Builds the shared client.
     *
     * @param config the configuration
     * @return the client
     */
    public static OkHttpClient create(HttpConfig config) {
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("perfkit-http-", 0).factory());
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(Integer.MAX_VALUE);
        dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
        int idle = config.maxConnections() == HttpConfig.UNLIMITED ? HttpConfig.DEFAULT_MAX_IDLE_CONNECTIONS : config.maxConnections();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(idle, config.keepAlive().toNanos(), TimeUnit.NANOSECONDS))
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                .followRedirects(config.followRedirects())
                .followSslRedirects(config.followRedirects())
                .retryOnConnectionFailure(config.retryOnConnectionFailure())
                .fastFallback(false)
                .protocols(protocols(config.protocol()));
        if (config.insecure()) {
            X509ExtendedTrustManager trustAll = new TrustAll();
            b.sslSocketFactory(sslContext(trustAll).getSocketFactory(), trustAll).hostnameVerifier((host, session) -> true);
        } else if (config.trustStore().isPresent()) {
            X509TrustManager trust = trustManager(config.trustStore().get());
            b.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
        }
        return b.build();
    }

    /**
     * Returns the OkHttp protocol list of a protocol setting.
     *
     * @param protocol the setting
     * @return the list, in order of preference
     */
    public static List<Protocol> protocols(HttpProtocol protocol) {
        return switch (protocol) {
            case HTTP_1_1 -> List.of(Protocol.HTTP_1_1);
            case HTTP_2 -> List.of(Protocol.HTTP_2, Protocol.HTTP_1_1);
            case H2C -> List.of(Protocol.H2_PRIOR_KNOWLEDGE);
        };
    }

    private static X509TrustManager trustManager(KeyStore store) {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JDK's TrustManagerFactory made no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trustStore cannot be used: " + e.getMessage(), e);
        }
    }

    private static SSLContext sslContext(TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JDK: " + e.getMessage(), e);
        }
    }

    /** Trusts every certificate: the explicit insecure mode, for test targets only. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
