package dev.perfkit.http;

import okhttp3.Request;

/**
 * What an {@link HttpRequest} keeps per {@link Http} client so the hot path builds no string:
 * the sample name, the names of its timing statistics and soft-check counters, and, for a request
 * with no session-dependent part, the OkHttp request itself.
 *
 * @param client    the client these were made for
 * @param name      the sample name
 * @param blocked   the name of the blocked timing
 * @param dns       the name of the DNS timing
 * @param connect   the name of the connect timing
 * @param tls       the name of the TLS timing
 * @param sending   the name of the sending timing
 * @param waiting   the name of the waiting timing
 * @param receiving the name of the receiving timing
 * @param retry     the name of the retry counter
 * @param softNames per check, the name of its failure counter if it is soft, else null
 * @param prebuilt  the OkHttp request of a static request, or null
 */
record Bound(Http client, String name, String blocked, String dns, String connect, String tls, String sending,
             String waiting, String receiving, String retry, String[] softNames, Request prebuilt) {
}
