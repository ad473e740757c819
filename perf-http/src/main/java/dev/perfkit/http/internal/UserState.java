package dev.perfkit.http.internal;

import okhttp3.OkHttpClient;

/**
 * What one virtual user keeps between its requests, in its session: its own view of the shared
 * OkHttp client (same pool and dispatcher) carrying its cookie jar and its phase listener.
 *
 * @param client   the user's client
 * @param cookies  the user's cookies, or null when cookies are off
 * @param phases   the user's phase listener, or null when timings are off
 */
public record UserState(OkHttpClient client, UserCookieJar cookies, PhaseListener phases) {

    /**
     * Makes the state of a new virtual user.
     *
     * @param shared  the client shared by all users
     * @param cookies whether the user keeps cookies
     * @param timings whether the user's calls are timed phase by phase
     * @return the state
     */
    public static UserState create(OkHttpClient shared, boolean cookies, boolean timings) {
        if (!cookies && !timings) {
            return new UserState(shared, null, null);
        }
        OkHttpClient.Builder b = shared.newBuilder();
        UserCookieJar jar = null;
        PhaseListener phases = null;
        if (cookies) {
            jar = new UserCookieJar();
            b.cookieJar(jar);
        }
        if (timings) {
            phases = new PhaseListener();
            b.eventListener(phases);
        }
        return new UserState(b.build(), jar, phases);
    }
}
