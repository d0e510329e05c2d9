/**
 * The runner agent's OpenTelemetry spans: the spans of a job, which join the run's trace through
 * the context the job carries (the SDK is the shared {@code io.coderoom.observability.Tracing}).
 */
package io.coderoom.runner.agent.tracing;
