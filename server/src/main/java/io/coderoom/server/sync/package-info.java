/**
 * Live rooms: each loaded room lives on one event loop, holds its Yjs documents and guarded
 * awareness, knows its participants (a link with all its sockets) and who may no longer join, and
 * relays the y-websocket protocol between its sockets.
 */
package io.coderoom.server.sync;
