package dev.perfkit.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTP/2 capable server on 127.0.0.1 (Jetty): HTTP/1.1 and h2c with prior knowledge on a
 * plain port, or HTTP/1.1 and h2 through ALPN on a TLS port. Faster than the JDK's server, so the
 * long runs use it too. Routes:
 * <ul>
 *   <li>{@code /}: 200, the protocol the server saw the request on ({@code HTTP/2.0} or
 *       {@code HTTP/1.1}), so a test knows what was really spoken;</li>
 *   <li>{@code /hello}, {@code /status/N}, {@code /json}, {@code /big?bytes=N}, {@code /redirect}:
 *       as in {@link TestServer};</li>
 *   <li>{@code /echo}: 200, the request body.</li>
 * </ul>
 */
final class JettyServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;

    private JettyServer(boolean tls) throws Exception {
        this.tls = tls;
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        if (tls) {
            config.addCustomizer(new SecureRequestCustomizer(false));
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(TestCertificates.serverContext());
            HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol("http/1.1");
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2,
                    new HttpConnectionFactory(config));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                route(request, response, callback);
                return true;
            }
        });
        server.start();
    }

    /** Starts a plain server speaking HTTP/1.1 and h2c with prior knowledge. */
    static JettyServer plain() throws Exception {
        return new JettyServer(false);
    }

    /** Starts a TLS server offering h2 and HTTP/1.1 through ALPN, with the test certificate. */
    static JettyServer tls() throws Exception {
        return new JettyServer(true);
    }

    String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("jetty did not stop", e);
        }
    }

    static String protocolOf(HttpResponse response) {
        return new String(response.bodyBytes(), StandardCharsets.UTF_8);
    }

    private static void route(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Fields query = Request.extractQueryParameters(request);
        if (path.equals("/")) {
            send(response, callback, 200, "text/plain; charset=utf-8", request.getConnectionMetaData().getProtocol().getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/hello")) {
            send(response, callback, 200, "text/plain", TestServer.HELLO);
        } else if (path.startsWith("/status/")) {
            int code = Integer.parseInt(path.substring("/status/".length()));
            send(response, callback, code, "text/plain", ("status " + code).getBytes(StandardCharsets.US_ASCII));
        } else if (path.equals("/json")) {
            send(response, callback, 200, "application/json", TestServer.JSON.getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/big")) {
            byte[] big = new byte[Integer.parseInt(query.getValue("bytes") == null ? "100000" : query.getValue("bytes"))];
            Arrays.fill(big, (byte) 'x');
            send(response, callback, 200, "text/plain", big);
        } else if (path.equals("/redirect")) {
            response.getHeaders().put(HttpHeader.LOCATION, "/hello");
            send(response, callback, 302, "text/plain", new byte[0]);
        } else if (path.equals("/echo")) {
            ByteBuffer in = Content.Source.asByteBuffer(request);
            byte[] body = new byte[in.remaining()];
            in.get(body);
            send(response, callback, 200, "application/octet-stream", body);
        } else {
            send(response, callback, 404, "text/plain", ("no route " + path).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
