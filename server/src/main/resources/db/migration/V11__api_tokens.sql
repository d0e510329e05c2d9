-- Per-user API tokens for integrations (an applicant tracking system creating rooms). A token acts
-- for its owner in the owner's team, only within its scopes. The token is shown once; only its
-- SHA-256 is kept, so a copy of the database authenticates no one.
CREATE TABLE api_tokens (
    id            text        PRIMARY KEY,
    secret_hash   bytea       NOT NULL UNIQUE,
    user_id       text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id       text        NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    scopes        text[]      NOT NULL CHECK (cardinality(scopes) >= 1
                                  AND scopes <@ ARRAY['rooms:create', 'reports:read']::text[]),
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
