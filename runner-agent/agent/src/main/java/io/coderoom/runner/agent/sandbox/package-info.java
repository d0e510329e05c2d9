/**
 * Hardened Docker containers that compile and run one candidate program each, a job being a list of
 * steps (a command, its files and its limits; one result and stop reason per step): limits,
 * timeouts, output capture, stdin written while the program runs (and the moment from which it is
 * secret), the warm pool of pre-started containers, and the private host folder and sandbox user
 * the runs' files belong to.
 */
package io.coderoom.runner.agent.sandbox;
