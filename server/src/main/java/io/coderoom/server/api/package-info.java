/** HTTP endpoints of the server's own health: liveness, readiness and metrics. */
package io.coderoom.server.api;
