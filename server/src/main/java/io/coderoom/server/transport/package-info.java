/** Netty HTTP transport: the server bootstrap, the pipeline, routing and response helpers. */
package io.coderoom.server.transport;
