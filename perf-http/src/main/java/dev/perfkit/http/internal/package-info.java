/**
 * perf-http's engine room, not exported by the module: the OkHttp client factory
 * ({@link dev.perfkit.http.internal.ClientFactory}), the per-user state (cookie jar, phase
 * listener), failure classification, redaction, path templates, and the ad-hoc command's option
 * parser and the labels it adds to its JSON result. Nothing here is API: it may change in any release.
 */
package dev.perfkit.http.internal;
