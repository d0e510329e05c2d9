/**
 * y-protocols for a server: sync and awareness messages in the y-websocket framing, pure
 * encode/decode plus a small per-connection state machine ({@link
 * io.coderoom.crdt.sync.SyncSession}).
 */
package io.coderoom.crdt.sync;
