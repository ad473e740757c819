package dev.perfkit.report;

import dev.perfkit.report.internal.Versions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Where a result was measured: the perfkit and Java versions, the operating system, the cores and
 * the host name. Written into every JSON result so that a baseline from another machine is easy to
 * recognise. Immutable.
 *
 * @param perfkitVersion the perfkit version that wrote the result, {@code unknown} if not known
 * @param javaVersion    the Java runtime version ({@code java.runtime.version})
 * @param os             the operating system's name, version and architecture
 * @param cores          the processors available to the JVM, at least 1
 * @param hostName       the local host name, {@code unknown} if it cannot be resolved
 */
public record RunEnvironment(String perfkitVersion, String javaVersion, String os, int cores, String hostName) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if {@code cores} is below 1
     * @throws NullPointerException     if a text is null
     */
    public RunEnvironment {
        Objects.requireNonNull(perfkitVersion, "perfkitVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(hostName, "hostName");
        if (cores < 1) {
            throw new IllegalArgumentException("runEnvironment: cores must be >= 1, was " + cores);
        }
    }

    /**
     * Returns the environment of this JVM. Resolves the local host name, which may take a moment
     * on a machine with a slow name service; call it once per report, not per sample.
     *
     * @return the current environment
     */
    public static RunEnvironment current() {
        String os = System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")
                + " (" + System.getProperty("os.arch", "unknown") + ")";
        return new RunEnvironment(Versions.perfkit(), System.getProperty("java.runtime.version",
                System.getProperty("java.version", "unknown")), os, Runtime.getRuntime().availableProcessors(),
                resolveHostName());
    }

    private static String resolveHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            return "unknown";
        }
    }
}
