package dev.perfkit.http;

import dev.perfkit.core.TaskFailure;
import java.util.Optional;

/**
 * A failed request, thrown by {@link Http#execute} after the failure was recorded, so that the
 * enclosing task fails with the same category (and a flow of steps stops there).
 *
 * <pre>{@code
 * try {
 *     http.execute(session, createOrder);
 * } catch (HttpFailure f) {
 *     if (f.httpCategory() != HttpFailureCategory.HTTP_4XX) throw f;
 *     http.execute(session, refreshToken);        // a 4xx: log in again and go on
 * }
 * }</pre>
 *
 * <p>Like every {@link TaskFailure} it has no stack trace: failures are expected and frequent.
 * Its message is redacted.
 */
public final class HttpFailure extends TaskFailure {

    private static final long serialVersionUID = 1L;

    private final HttpFailureCategory httpCategory;
    private final transient HttpResponse response;

    HttpFailure(HttpFailureCategory category, String message, HttpResponse response) {
        super(category.id(), message);
        this.httpCategory = category;
        this.response = response;
    }

    /** Returns the category; {@link #category()} holds its {@link HttpFailureCategory#id()}. */
    public HttpFailureCategory httpCategory() {
        return httpCategory;
    }

    /** Returns the response, when one came (a status or check failure), or empty for transport failures and rejections. */
    public Optional<HttpResponse> response() {
        return Optional.ofNullable(response);
    }
}
