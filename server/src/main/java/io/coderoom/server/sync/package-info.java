/**
 * Live rooms: each loaded room lives on one event loop, holds its Yjs documents and guarded
 * awareness, knows its participants (a link with all its sockets) and who may no longer join, and
 * relays the y-websocket protocol between its sockets. What happens in a room beyond its documents
 * is its features' ({@link io.coderoom.server.sync.RoomModeration}, {@link
 * io.coderoom.server.sync.RoomSetup}, {@link io.coderoom.server.sync.RoomRuns}, {@link
 * io.coderoom.server.sync.RoomClock}), each reached through a {@link
 * io.coderoom.server.sync.RoomContext} and speaking its own family of the control protocol ({@link
 * io.coderoom.server.sync.protocol}).
 */
package io.coderoom.server.sync;
