-- Interviewers as people: teams (organizations) own rooms, users belong to a team with a role,
-- sessions keep them signed in, and one-time links create the first administrator, invite
-- interviewers and recover access. Candidates and observers keep joining by room link alone.
CREATE TABLE teams (
    id          text        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id          text        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    email       text        CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email ON users (lower(email)) WHERE email IS NOT NULL;

-- One team per user for now; the key allows more later.
CREATE TABLE team_members (
    team_id    text        NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id    text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('owner', 'admin', 'interviewer')),
    joined_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);

CREATE INDEX team_members_user ON team_members (user_id);

-- A signed-in browser. The cookie holds a random secret; only its SHA-256 is kept, so a copy of
-- the database signs no one in.
CREATE TABLE sessions (
    id            text        PRIMARY KEY,
    secret_hash   bytea       NOT NULL UNIQUE,
    user_id       text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    user_agent    text        NOT NULL DEFAULT ''
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Links that grant something once: the first administrator (setup), joining a team
-- (invitation) or a new credential for an existing user (recovery). Only the secret's SHA-256 is
-- kept.
CREATE TABLE one_time_links (
    id           text        PRIMARY KEY,
    secret_hash  bytea       NOT NULL UNIQUE,
    purpose      text        NOT NULL CHECK (purpose IN ('setup', 'invitation', 'recovery')),
    user_id      text        REFERENCES users (id) ON DELETE CASCADE,
    team_id      text        REFERENCES teams (id) ON DELETE CASCADE,
    team_name    text,
    role         text        CHECK (role IS NULL OR role IN ('owner', 'admin', 'interviewer')),
    email        text,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    used_by      text
);

-- Rooms belong to a team and record who created them (null for rooms made with the API key
-- before a team existed).
ALTER TABLE rooms ADD COLUMN team_id text REFERENCES teams (id) ON DELETE SET NULL;
ALTER TABLE rooms ADD COLUMN created_by text REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX rooms_team_created ON rooms (team_id, created_at);

-- The audit log also records what happens outside a room: sign-ins, failed sign-ins, tokens,
-- invitations and deletions.
ALTER TABLE audit_log ALTER COLUMN room_id DROP NOT NULL;
ALTER TABLE audit_log ADD COLUMN team_id text REFERENCES teams (id) ON DELETE CASCADE;
CREATE INDEX audit_log_team_at ON audit_log (team_id, at) WHERE team_id IS NOT NULL;
