package dev.perfkit.core;

/**
 * The two ways of generating load.
 */
public enum LoadModel {
    /**
     * A number of concurrent virtual users, each looping over its iterations with think time. The
     * load the target sees depends on how fast it answers: a slow target gets fewer requests.
     */
    CLOSED,
    /**
     * Iterations arrive at a rate set by a schedule, independent of how fast the target answers,
     * up to a cap on concurrency; arrivals that find the cap reached are counted as dropped.
     */
    OPEN
}
