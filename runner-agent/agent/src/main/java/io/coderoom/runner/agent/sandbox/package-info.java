/**
 * Hardened Docker containers that compile and run one candidate program each: limits, timeouts,
 * output capture, the warm pool of pre-started containers, and the private host folder and sandbox
 * user the runs' files belong to.
 */
package io.coderoom.runner.agent.sandbox;
