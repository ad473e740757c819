package dev.perfkit.http.internal;

import dev.perfkit.core.internal.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parsed arguments of the ad-hoc load command. {@link #parse(String[])} throws
 * {@link IllegalArgumentException} with a message fit for the user on any bad argument.
 */
public final class CommandOptions {

    /** The users of the closed model when neither users nor rate is given. */
    public static final int DEFAULT_USERS = 10;
    /** The run time when neither a duration nor a request count is given. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** The open model's cap on requests in flight unless given. */
    public static final int DEFAULT_MAX_CONCURRENCY = 1000;

    /** The usage text printed by {@code --help} and after a usage error. */
    public static final String USAGE = """
            Usage: perf-http [options] URL
            Loads one URL without writing Java, like hey or oha: prints a progress line per second
            and a summary, and exits non-zero when every request failed.

              -X, --method METHOD       request method (default GET, or POST when a body is given)
              -H, --header 'NAME: VALUE' add a request header; repeatable
              -d, --data TEXT           request body; @FILE reads it from a file
              -T, --content-type TYPE   body content type (default application/json for a body
                                        starting with { or [, else text/plain; charset=utf-8)
              -c, --users N             closed model: N concurrent users, each sending its next
                                        request when the last one ends (default 10)
              -r, --rate N              open model: N requests per second whatever the target
                                        does, latency measured from each request's intended start
                  --max-concurrency N   open model: most requests in flight (default 1000); an
                                        arrival that finds it reached is dropped and counted
              -z, --duration D          how long to load: 30s, 2m, 1m30s (default 10s unless -n)
              -n, --requests N          stop after N requests
                  --http2               HTTP/2: h2 over TLS for https URLs, h2c with prior
                                        knowledge for http URLs
              -k, --insecure            do not check TLS certificates or host names (test targets only)
              -t, --timeout D           limit on each whole request (default none)
                  --connect-timeout D   limit on each new connection (default 10s)
                  --read-timeout D      limit on each read (default 30s)
                  --max-connections N   cap on connections (default: no cap)
                  --json FILE           also write the result as JSON to FILE
              -q, --quiet               no progress lines, only the summary
              -h, --help                print this text

            Exit status: 0 when at least one request succeeded, 1 when every request failed or
            none was sent, 2 on a usage error.
            """;

    /** The method, upper case. */
    public String method;
    /** The URL, absolute http or https. */
    public String url;
    /** The headers as name and value pairs. */
    public final List<String[]> headers = new ArrayList<>();
    /** The body, or null. */
    public byte[] body;
    /** The body's content type, or null for the default. */
    public String contentType;
    /** The closed model's users, or 0 when the open model is used. */
    public int users;
    /** The open model's rate per second, or 0. */
    public double rate;
    /** The open model's cap on requests in flight. */
    public int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    /** The run time, or null. */
    public Duration duration;
    /** The request count, or 0 for no count. */
    public long requests;
    /** Whether HTTP/2 is used. */
    public boolean http2;
    /** Whether TLS checks are off. */
    public boolean insecure;
    /** The whole-request timeout, or null. */
    public Duration timeout;
    /** The connect timeout, or null for the client's default. */
    public Duration connectTimeout;
    /** The read timeout, or null for the client's default. */
    public Duration readTimeout;
    /** The connection cap, or 0. */
    public int maxConnections;
    /** Where to write JSON, or null. */
    public Path json;
    /** Whether progress lines are off. */
    public boolean quiet;
    /** Whether help was asked for. */
    public boolean help;

    private CommandOptions() {
    }

    /**
     * Parses the arguments.
     *
     * @param args the command line
     * @return the options, with defaults applied
     * @throws IllegalArgumentException on a bad or missing argument
     */
    public static CommandOptions parse(String[] args) {
        CommandOptions o = new CommandOptions();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String inline = null;
            if (a.startsWith("--") && a.contains("=")) {
                inline = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            switch (a) {
                case "-h", "--help" -> o.help = true;
                case "-X", "--method" -> o.method = (inline != null ? inline : value(args, ++i, a)).toUpperCase(Locale.ROOT);
                case "-H", "--header" -> o.headers.add(header(inline != null ? inline : value(args, ++i, a)));
                case "-d", "--data" -> o.body = body(inline != null ? inline : value(args, ++i, a));
                case "-T", "--content-type" -> o.contentType = inline != null ? inline : value(args, ++i, a);
                case "-c", "--users" -> o.users = positiveInt(a, inline != null ? inline : value(args, ++i, a));
                case "-r", "--rate" -> o.rate = positiveDouble(a, inline != null ? inline : value(args, ++i, a));
                case "--max-concurrency" -> o.maxConcurrency = positiveInt(a, inline != null ? inline : value(args, ++i, a));
                case "-z", "--duration" -> o.duration = duration(a, inline != null ? inline : value(args, ++i, a));
                case "-n", "--requests" -> o.requests = positiveLong(a, inline != null ? inline : value(args, ++i, a));
                case "--http2" -> o.http2 = true;
                case "-k", "--insecure" -> o.insecure = true;
                case "-t", "--timeout" -> o.timeout = duration(a, inline != null ? inline : value(args, ++i, a));
                case "--connect-timeout" -> o.connectTimeout = duration(a, inline != null ? inline : value(args, ++i, a));
                case "--read-timeout" -> o.readTimeout = duration(a, inline != null ? inline : value(args, ++i, a));
                case "--max-connections" -> o.maxConnections = positiveInt(a, inline != null ? inline : value(args, ++i, a));
                case "--json" -> o.json = Path.of(inline != null ? inline : value(args, ++i, a));
                case "-q", "--quiet" -> o.quiet = true;
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    positional.add(a);
                }
            }
        }
        if (o.help) {
            return o;
        }
        if (positional.size() != 1) {
            throw new IllegalArgumentException(positional.isEmpty() ? "no URL given" : "one URL expected, got " + positional.size());
        }
        o.url = url(positional.get(0));
        if (o.users > 0 && o.rate > 0) {
            throw new IllegalArgumentException("--users (closed model) and --rate (open model) exclude each other");
        }
        if (o.users == 0 && o.rate == 0) {
            o.users = DEFAULT_USERS;
        }
        if (o.duration == null && o.requests == 0) {
            o.duration = DEFAULT_DURATION;
        }
        if (o.method == null) {
            o.method = o.body == null ? "GET" : "POST";
        }
        if (!o.method.matches("[A-Z][A-Z0-9_-]*")) {
            throw new IllegalArgumentException("--method must be an HTTP method such as GET or POST, was \"" + o.method + "\"");
        }
        if (o.body != null && (o.method.equals("GET") || o.method.equals("HEAD"))) {
            throw new IllegalArgumentException("a " + o.method + " request cannot have a body (give -X POST or another method)");
        }
        if (o.body != null && o.contentType == null) {
            String start = new String(o.body, 0, Math.min(o.body.length, 64), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
            o.contentType = start.startsWith("{") || start.startsWith("[") ? "application/json" : "text/plain; charset=utf-8";
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String[] header(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--header must be 'NAME: VALUE', was \"" + Redactor.defaults().text(text) + "\"");
        }
        return new String[] {text.substring(0, colon).trim(), text.substring(colon + 1).trim()};
    }

    private static byte[] body(String text) {
        if (!text.startsWith("@")) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = Path.of(text.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--data " + text + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String url(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("the URL must be an absolute http or https URL, was \"" + Redactor.defaults().text(text) + "\"");
    }

    private static int positiveInt(String option, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number > 0, was \"" + text + "\"");
    }

    private static long positiveLong(String option, String text) {
        try {
            long n = Long.parseLong(text.trim().replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number > 0, was \"" + text + "\"");
    }

    private static double positiveDouble(String option, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number > 0, was \"" + text + "\"");
    }

    private static Duration duration(String option, String text) {
        try {
            Duration d = Durations.parse(text);
            if (!d.isZero()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
        throw new IllegalArgumentException(option + " must be > 0, was \"" + text + "\"");
    }
}
