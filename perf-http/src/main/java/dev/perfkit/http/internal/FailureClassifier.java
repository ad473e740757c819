package dev.perfkit.http.internal;

import dev.perfkit.http.HttpFailureCategory;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Sorts the I/O failures of a call into {@link HttpFailureCategory}s and describes them in a line. */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    /**
     * Returns the category of a failed call.
     *
     * @param e      what the call threw
     * @param phases the call's phases, or null when timings are off (the message then decides
     *               between connect and read timeouts)
     * @return the category
     */
    public static HttpFailureCategory classify(IOException e, PhaseListener phases) {
        if (Thread.currentThread().isInterrupted() || find(e, ClosedByInterruptException.class) != null) {
            return HttpFailureCategory.INTERRUPTED;
        }
        if (find(e, SocketTimeoutException.class) != null) {
            if (phases != null) {
                return phases.connecting() ? HttpFailureCategory.CONNECT_TIMEOUT
                        : phases.writing() ? HttpFailureCategory.WRITE_TIMEOUT : HttpFailureCategory.READ_TIMEOUT;
            }
            return mentions(e, "connect") ? HttpFailureCategory.CONNECT_TIMEOUT : HttpFailureCategory.READ_TIMEOUT;
        }
        if (find(e, SSLException.class) != null || find(e, CertificateException.class) != null) {
            return HttpFailureCategory.TLS;
        }
        if (find(e, ConnectException.class) != null) {
            if (mentions(e, "refused")) {
                return HttpFailureCategory.CONNECTION_REFUSED;
            }
            if (mentions(e, "timed out")) {
                return HttpFailureCategory.CONNECT_TIMEOUT;
            }
            return HttpFailureCategory.IO;
        }
        if (find(e, UnknownHostException.class) != null) {
            return HttpFailureCategory.UNKNOWN_HOST;
        }
        // OkHttp's whole-call timeout: a plain InterruptedIOException("timeout").
        if (e.getClass() == InterruptedIOException.class && "timeout".equals(e.getMessage())) {
            return HttpFailureCategory.CALL_TIMEOUT;
        }
        return HttpFailureCategory.IO;
    }

    /**
     * Describes a failure in one line: the exception's simple class name and message, and those of
     * the root cause when it says more. Not redacted: the caller redacts.
     *
     * @param e the failure
     * @return the description
     */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && (e.getMessage() == null || !e.getMessage().contains(root.getMessage()))) {
            sb.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
        }
        return sb.toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
        }
        return null;
    }

    private static boolean mentions(Throwable e, String word) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s.getMessage() != null && s.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }
}
