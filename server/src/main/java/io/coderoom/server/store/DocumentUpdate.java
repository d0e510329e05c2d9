package io.coderoom.server.store;

import java.time.Instant;

/**
 * One change to a room document, as logged.
 *
 * @param roomId the room
 * @param doc the document name ({@code code} or {@code notes})
 * @param seq its position in the document's log, from 1
 * @param update the Yjs v1 update
 * @param author who made it (the audit actor: {@code token:<id>} or {@code api-key})
 * @param at when the server applied it
 */
public record DocumentUpdate(
    String roomId, String doc, long seq, byte[] update, String author, Instant at)
    implements DocumentLog.Entry {}
