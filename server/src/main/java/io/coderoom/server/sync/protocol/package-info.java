/**
 * The control socket's protocol as types: the commands clients send ({@link
 * io.coderoom.server.sync.protocol.ControlCommand}) and the events the server sends ({@link
 * io.coderoom.server.sync.protocol.ControlEvent}), one sealed family per feature of a room, read
 * and written only by {@link io.coderoom.server.sync.protocol.ControlCodec}. The web client's types
 * (web-client/src/room/protocol.ts) are generated from these records.
 */
package io.coderoom.server.sync.protocol;
