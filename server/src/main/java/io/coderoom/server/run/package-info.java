/** Runs of a room's code: queued to the runner agents, relayed back to the room, and stored. */
package io.coderoom.server.run;
