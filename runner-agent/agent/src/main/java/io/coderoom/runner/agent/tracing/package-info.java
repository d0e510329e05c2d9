/**
 * The runner agent's OpenTelemetry spans: its SDK, built from the same settings as the server's,
 * and the spans of a job, which join the run's trace through the context the job carries.
 */
package io.coderoom.runner.agent.tracing;
