-- Every link ever issued for a room, so a token can be revoked by its id (the JWT jti).
CREATE TABLE room_tokens (
    id          text        PRIMARY KEY,
    room_id     text        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    role        text        NOT NULL CHECK (role IN ('interviewer', 'candidate', 'observer')),
    name        text        NOT NULL DEFAULT '',
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE INDEX room_tokens_room ON room_tokens (room_id);

-- Append-only record of who did what in a room: created, ended, links issued and revoked,
-- joins, leaves, role changes and denied writes.
CREATE TABLE audit_log (
    id       bigserial   PRIMARY KEY,
    room_id  text        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text        NOT NULL,
    role     text,
    action   text        NOT NULL,
    detail   jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_room_at ON audit_log (room_id, at);
