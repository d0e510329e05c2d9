-- An interview room. Later migrations add tokens, the update log, snapshots, runs and the audit log.
CREATE TABLE rooms (
    id          text        PRIMARY KEY,
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    language    text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    ended_at    timestamptz
);

CREATE INDEX rooms_created_at ON rooms (created_at);
