/** The agent's own Prometheus metrics and the small HTTP endpoint that serves them. */
package io.coderoom.runner.agent.metrics;
