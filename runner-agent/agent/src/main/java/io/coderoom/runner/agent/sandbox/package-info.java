/**
 * Hardened Docker containers that compile and run one candidate program each: limits, timeouts,
 * output capture, stdin written while the program runs (and the moment from which it is secret),
 * the warm pool of pre-started containers, and the private host folder and sandbox user the runs'
 * files belong to.
 */
package io.coderoom.runner.agent.sandbox;
