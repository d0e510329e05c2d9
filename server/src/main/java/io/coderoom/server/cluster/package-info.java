/** Redis: the connection servers share for room streams, fan-out and the run queue. */
package io.coderoom.server.cluster;
