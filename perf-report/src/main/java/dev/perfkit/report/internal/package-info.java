/** Helpers of the report writers; no compatibility promise. */
package dev.perfkit.report.internal;
