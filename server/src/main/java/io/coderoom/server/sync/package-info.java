/**
 * Live rooms: each loaded room lives on one event loop, holds its Yjs documents and awareness, and
 * relays the y-websocket protocol between its sockets.
 */
package io.coderoom.server.sync;
