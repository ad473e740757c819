/**
 * The demo system under test: a small HTTP API backed by an embedded H2 database, started in this
 * JVM on a free loopback port with one call, for the examples and the runner to load.
 *
 * <pre>{@code
 * try (DemoSystem demo = DemoSystem.start()) {
 *     URI api = demo.baseUri();                 // http://127.0.0.1:<port>
 *     String token = demo.tokenFor(1);          // Authorization: Bearer <token>
 *     ... load /dashboard, /reports, /search ...
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.perfkit.examples.demo.DemoSystem}: start, endpoints, tokens, gauges, close.</li>
 *   <li>{@link dev.perfkit.examples.demo.DemoOptions}: data sizes, seed, pool, database round trip,
 *       planted issues.</li>
 *   <li>{@link dev.perfkit.examples.demo.DemoIssue}: the problems that can be planted on purpose
 *       (slow query, N+1, small pool, memory leak) and what each changes.</li>
 *   <li>{@link dev.perfkit.examples.demo.DemoMain}: the system on its own, from the command line.</li>
 * </ul>
 * The guide is {@code docs/demo-system.md}.
 */
package dev.perfkit.examples.demo;
