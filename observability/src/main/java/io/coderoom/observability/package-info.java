/**
 * What the server and the runner agents share to be observed: their OpenTelemetry SDK, built the
 * same way from the same settings, so a run's spans on both form one trace.
 */
package io.coderoom.observability;
