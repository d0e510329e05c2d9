/**
 * What the server and the runner agents share to be observed: their OpenTelemetry SDK, built the
 * same way from the same settings, so a run's spans on both form one trace, and the operators'
 * token ({@code CODEROOM_METRICS_TOKEN}) that guards their metrics.
 */
package io.coderoom.observability;
