-- What an interviewer plans for a room: when it is, for how long, with whom, behind which
-- password, and how long the candidate's link lasts. started_at is the first time a candidate
-- joined: from then on the plan can no longer be edited.
ALTER TABLE rooms ADD COLUMN scheduled_at timestamptz;
ALTER TABLE rooms ADD COLUMN duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 1440);
ALTER TABLE rooms ADD COLUMN candidate_name text CHECK (length(candidate_name) BETWEEN 1 AND 80);
ALTER TABLE rooms ADD COLUMN candidate_email text CHECK (length(candidate_email) BETWEEN 3 AND 254);
ALTER TABLE rooms ADD COLUMN candidate_link_hours integer CHECK (candidate_link_hours BETWEEN 1 AND 2160);
-- PBKDF2 (see RoomPassword); the version grows with every change, so a proof of an old password
-- no longer opens the room.
ALTER TABLE rooms ADD COLUMN password_hash text;
ALTER TABLE rooms ADD COLUMN password_version integer NOT NULL DEFAULT 0;
ALTER TABLE rooms ADD COLUMN started_at timestamptz;

CREATE INDEX rooms_scheduled_at ON rooms (scheduled_at);

-- A link handed out in exchange for a link plus the room's password: it names the link it was
-- exchanged for (revoking that link revokes it too) and the password version it proves.
ALTER TABLE room_tokens ADD COLUMN exchanged_from text;
ALTER TABLE room_tokens ADD COLUMN password_version integer;

CREATE INDEX room_tokens_exchanged_from ON room_tokens (exchanged_from);

-- A candidate read the recording notice and chose to continue, once per link.
CREATE TABLE room_consents (
    token_id     text        PRIMARY KEY,
    room_id      text        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    consented_at timestamptz NOT NULL,
    retention_days integer   NOT NULL
);

CREATE INDEX room_consents_room ON room_consents (room_id);

-- All that is left of a deleted room: the room row and everything stored with it are gone (the
-- right to erasure); this row says when and by whom, and nothing about the candidate.
CREATE TABLE room_tombstones (
    room_id     text        PRIMARY KEY,
    team_id     text,
    created_by  text,
    created_at  timestamptz NOT NULL,
    deleted_at  timestamptz NOT NULL,
    deleted_by  text        NOT NULL
);
