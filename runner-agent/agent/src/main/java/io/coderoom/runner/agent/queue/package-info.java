/**
 * The agent's side of the Redis Streams job queue: the consumer-group reader with its slots, the
 * per-run ownership fence, the stop requests of runs, the publisher of output and results, and the
 * janitor that reclaims jobs of dead agents.
 */
package io.coderoom.runner.agent.queue;
