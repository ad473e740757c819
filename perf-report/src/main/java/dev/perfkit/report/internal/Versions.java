package dev.perfkit.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The perfkit version, from a resource filtered by the build. */
public final class Versions {

    private static final String VERSION = load();

    private Versions() {
    }

    /** Returns the perfkit version, or {@code unknown} when the resource is missing. */
    public static String perfkit() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.isBlank() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
