-- Every change to a room's documents, in order: the durable truth a room reloads from (after
-- its latest snapshot) and what playback replays. Appended in batches, never updated.
CREATE TABLE document_updates (
    room_id  text        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    doc      text        NOT NULL,
    seq      bigint      NOT NULL,
    update   bytea       NOT NULL,
    author   text        NOT NULL,
    at       timestamptz NOT NULL,
    PRIMARY KEY (room_id, doc, seq)
);

-- A document's full state up to and including update upto_seq; older updates stay for playback.
CREATE TABLE document_snapshots (
    room_id  text        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    doc      text        NOT NULL,
    upto_seq bigint      NOT NULL,
    state    bytea       NOT NULL,
    at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, doc, upto_seq)
);
