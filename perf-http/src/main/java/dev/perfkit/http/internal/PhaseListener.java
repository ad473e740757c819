package dev.perfkit.http.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;

/**
 * Takes the time of each phase of a call from OkHttp's events: DNS, connect, TLS handshake,
 * sending, waiting for the first byte, receiving.
 *
 * <p><b>One per virtual user, reused for every call.</b> OkHttp's usual pattern creates a listener
 * per call; a load test makes millions of calls, so each virtual user gets one listener on its own
 * {@link okhttp3.OkHttpClient} (derived from the shared one, sharing its pool) and the listener is
 * reset at {@link #callStart}. That is safe because a virtual user makes one synchronous call at a
 * time, and OkHttp fires the events of a synchronous call on the calling thread. The only event
 * that may come from another thread, {@link #canceled}, is ignored.
 *
 * <p>As OkHttp requires of listeners: every method is fast, takes no lock and never throws.
 * Times are {@link System#nanoTime()} readings; a phase that did not happen reads 0. When a call
 * follows redirects, DNS, connect and TLS add up over the hops and the other phases describe the
 * last hop.
 */
public final class PhaseListener extends EventListener {

    private long dnsStart;
    private long dnsNanos;
    private long connectStart;
    private long connectNanos;
    private long secureStart;
    private long tlsNanos;
    private long tlsAtConnectStart;
    private long sendStart;
    private long sendEnd;
    private long responseStart;
    private long responseEnd;
    private boolean connecting;
    private boolean writing;
    private boolean newConnection;

    /** Clears the previous call's times; also called by {@link #callStart}. */
    public void reset() {
        dnsStart = 0;
        dnsNanos = 0;
        connectStart = 0;
        connectNanos = 0;
        secureStart = 0;
        tlsNanos = 0;
        tlsAtConnectStart = 0;
        sendStart = 0;
        sendEnd = 0;
        responseStart = 0;
        responseEnd = 0;
        connecting = false;
        writing = false;
        newConnection = false;
    }

    @Override
    public void callStart(Call call) {
        reset();
    }

    @Override
    public void dnsStart(Call call, String domainName) {
        dnsStart = System.nanoTime();
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> inetAddressList) {
        if (dnsStart != 0) {
            dnsNanos += System.nanoTime() - dnsStart;
            dnsStart = 0;
        }
    }

    @Override
    public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
        connectStart = System.nanoTime();
        tlsAtConnectStart = tlsNanos;
        connecting = true;
        newConnection = true;
    }

    @Override
    public void secureConnectStart(Call call) {
        secureStart = System.nanoTime();
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        if (secureStart != 0) {
            tlsNanos += System.nanoTime() - secureStart;
            secureStart = 0;
        }
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress inetSocketAddress, Proxy proxy, Protocol protocol) {
        endConnect();
    }

    @Override
    public void connectFailed(Call call, InetSocketAddress inetSocketAddress, Proxy proxy, Protocol protocol,
                              IOException ioe) {
        endConnect();
        // stays "connecting": a timeout or refusal here is a connect failure
        connecting = true;
    }

    private void endConnect() {
        if (connectStart != 0) {
            long now = System.nanoTime();
            if (secureStart != 0) {   // a handshake that failed: its time is TLS time too
                tlsNanos += now - secureStart;
                secureStart = 0;
            }
            long tlsOfThisAttempt = tlsNanos - tlsAtConnectStart;
            connectNanos += Math.max(0, now - connectStart - tlsOfThisAttempt);
            connectStart = 0;
        }
        connecting = false;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        connecting = false;
    }

    @Override
    public void requestHeadersStart(Call call) {
        sendStart = System.nanoTime();
        sendEnd = 0;
        writing = true;
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        sendEnd = System.nanoTime();
        writing = false;
    }

    @Override
    public void requestBodyStart(Call call) {
        writing = true;
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        sendEnd = System.nanoTime();
        writing = false;
    }

    @Override
    public void responseHeadersStart(Call call) {
        responseStart = System.nanoTime();
        responseEnd = 0;
        writing = false;
    }

    @Override
    public void responseBodyEnd(Call call, long byteCount) {
        responseEnd = System.nanoTime();
    }

    /**
     * Marks the end of sending when the caller starts waiting for the response: OkHttp reports the
     * end of the request headers, but not always the moment it starts to read (HTTP/2 sends no
     * body event for a bodiless request).
     */
    private long sendEndOrStart() {
        return sendEnd != 0 ? sendEnd : sendStart;
    }

    /** Returns the time spent resolving names, 0 if no lookup was made. */
    public long dnsNanos() {
        return dnsNanos;
    }

    /** Returns the time spent opening TCP connections, TLS excluded; 0 on a reused connection. */
    public long connectNanos() {
        return connectNanos;
    }

    /** Returns the time spent in TLS handshakes; 0 on a reused or plain connection. */
    public long tlsNanos() {
        return tlsNanos;
    }

    /** Returns the time from the first byte of the request headers to the last byte of the request. */
    public long sendingNanos() {
        return sendStart == 0 ? 0 : Math.max(0, sendEndOrStart() - sendStart);
    }

    /** Returns the time from the end of the request to the first byte of the response (the server's time). */
    public long waitingNanos() {
        return sendStart == 0 || responseStart == 0 ? 0 : Math.max(0, responseStart - sendEndOrStart());
    }

    /**
     * Returns the time from the first byte of the response to the end of its body.
     *
     * @param bodyReadEnd when the caller finished reading the body, used if OkHttp has not yet
     *                    reported the end (it does so when the body is closed)
     * @return the receiving time, 0 if no response came
     */
    public long receivingNanos(long bodyReadEnd) {
        if (responseStart == 0) {
            return 0;
        }
        long end = responseEnd != 0 ? responseEnd : bodyReadEnd;
        return Math.max(0, end - responseStart);
    }

    /** Returns true if the call opened a new connection rather than reusing a pooled one. */
    public boolean newConnection() {
        return newConnection;
    }

    /** Returns true if the call failed or is still in the connect phase. */
    public boolean connecting() {
        return connecting;
    }

    /** Returns true if the request was being written when the call failed. */
    public boolean writing() {
        return writing;
    }
}
