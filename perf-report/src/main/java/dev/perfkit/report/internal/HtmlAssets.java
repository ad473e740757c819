package dev.perfkit.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The style sheet and the script inlined into every HTML report, read once from this package's
 * resources, and the Content-Security-Policy that allows exactly that script and nothing else:
 * no network, no other script (so even markup that slipped past escaping could not run code).
 */
public final class HtmlAssets {

    /** The style sheet. */
    public static final String CSS = read("html-report.css");
    /** The script that sorts the statistics table; it reads no data from the page but the cells. */
    public static final String SCRIPT = read("html-report.js");
    /**
     * The policy: nothing from the network, inline styles, and only the script whose SHA-256 is
     * {@link #SCRIPT}'s.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "script-src 'sha256-" + sha256(SCRIPT) + "'";

    private HtmlAssets() {
    }

    private static String read(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("htmlAssets: resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("htmlAssets: cannot read " + name, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("htmlAssets: SHA-256 is missing from this JDK", e);
        }
    }
}
