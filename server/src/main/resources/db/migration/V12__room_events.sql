-- What happened in a room besides its documents and runs, in order: chat messages, hints revealed,
-- clock changes. Features append here and fold it back on load; playback and the report read it.
-- audience says who may ever see the event: everyone in the room, or interviewers only.
CREATE TABLE room_events (
    id        bigserial   PRIMARY KEY,
    room_id   text        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    at        timestamptz NOT NULL,
    kind      text        NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    actor     text        NOT NULL,
    name      text        NOT NULL DEFAULT '',
    audience  text        NOT NULL CHECK (audience IN ('everyone', 'interviewers')),
    body      jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX room_events_room ON room_events (room_id, id);
