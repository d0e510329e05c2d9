/**
 * Metrics (Micrometer, Prometheus format) set up for the server; its tracing SDK is the one it
 * shares with the runner agents ({@code io.coderoom.observability.Tracing}).
 */
package io.coderoom.server.observability;
