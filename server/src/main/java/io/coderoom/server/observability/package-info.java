/**
 * Metrics (Micrometer, Prometheus format) and tracing (OpenTelemetry SDK) set up for the server.
 */
package io.coderoom.server.observability;
