package dev.perfkit.http.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The cookies of one virtual user, as a browser keeps them: a cookie replaces an earlier one with
 * the same name, domain and path; expired cookies are dropped; a request gets the cookies that
 * match its URL ({@link Cookie#matches}).
 *
 * <p>Used only by the thread running its virtual user, so it takes no lock. Holds few cookies in
 * a list: a virtual user rarely has more than a handful.
 */
public final class UserCookieJar implements CookieJar {

    private final List<Cookie> cookies = new ArrayList<>(4);

    @Override
    public void saveFromResponse(HttpUrl url, List<Cookie> received) {
        for (Cookie c : received) {
            cookies.removeIf(old -> old.name().equals(c.name()) && old.domain().equals(c.domain()) && old.path().equals(c.path()));
            if (c.expiresAt() > System.currentTimeMillis()) {
                cookies.add(c);
            }
        }
    }

    @Override
    public List<Cookie> loadForRequest(HttpUrl url) {
        if (cookies.isEmpty()) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        List<Cookie> matching = null;
        for (Iterator<Cookie> it = cookies.iterator(); it.hasNext(); ) {
            Cookie c = it.next();
            if (c.expiresAt() <= now) {
                it.remove();
            } else if (c.matches(url)) {
                if (matching == null) {
                    matching = new ArrayList<>(cookies.size());
                }
                matching.add(c);
            }
        }
        return matching == null ? List.of() : matching;
    }

    /**
     * Returns the value of a cookie by name, whatever its domain and path (the most recent one if
     * several have the name).
     *
     * @param name the cookie's name
     * @return the value, or empty
     */
    public Optional<String> value(String name) {
        long now = System.currentTimeMillis();
        for (int i = cookies.size() - 1; i >= 0; i--) {
            Cookie c = cookies.get(i);
            if (c.name().equals(name) && c.expiresAt() > now) {
                return Optional.of(c.value());
            }
        }
        return Optional.empty();
    }

    /** Returns the names of the cookies held, in the order they were set. */
    public List<String> names() {
        return cookies.stream().map(Cookie::name).toList();
    }

    /** Forgets every cookie, as a user logging out and closing the browser. */
    public void clear() {
        cookies.clear();
    }
}
