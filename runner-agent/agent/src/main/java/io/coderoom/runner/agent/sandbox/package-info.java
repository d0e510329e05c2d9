/**
 * Hardened Docker containers that compile and run one candidate program each: limits, timeouts,
 * output capture, the warm pool of pre-started containers.
 */
package io.coderoom.runner.agent.sandbox;
