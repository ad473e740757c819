package dev.perfkit.http;

/**
 * Which HTTP versions a client speaks.
 *
 * <table>
 *   <caption>What each value sends</caption>
 *   <tr><th>value</th><th>{@code https:} URLs</th><th>{@code http:} URLs</th></tr>
 *   <tr><td>{@link #HTTP_1_1}</td><td>HTTP/1.1 over TLS</td><td>HTTP/1.1</td></tr>
 *   <tr><td>{@link #HTTP_2}</td><td>h2 if the server offers it in the TLS handshake (ALPN), else HTTP/1.1</td>
 *       <td>HTTP/1.1</td></tr>
 *   <tr><td>{@link #H2C}</td><td>not allowed</td><td>h2c with prior knowledge: HTTP/2 from the first
 *       byte, no upgrade; the server must speak it</td></tr>
 * </table>
 *
 * <p>With HTTP/1.1 every request in flight holds a connection of its own; with HTTP/2 the requests
 * of all virtual users to one host share one connection as concurrent streams, which changes what
 * the target sees: compare the two only knowingly.
 */
public enum HttpProtocol {
    /** HTTP/1.1 only: one request in flight per connection, connections kept alive and reused. */
    HTTP_1_1,
    /** HTTP/2 over TLS where the server agrees (ALPN), HTTP/1.1 otherwise: what browsers do. */
    HTTP_2,
    /** HTTP/2 over plain TCP with prior knowledge ({@code h2c}); only for {@code http:} URLs. */
    H2C
}
