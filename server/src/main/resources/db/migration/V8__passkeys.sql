-- A person's passkeys: the public half of each WebAuthn credential, and what a sign-in checks.
CREATE TABLE passkeys (
    credential_id   bytea       PRIMARY KEY,
    user_id         text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The WebAuthn user handle the authenticator stored with the credential (random, not the id).
    user_handle     bytea       NOT NULL,
    -- The attested credential data as the authenticator sent it: AAGUID, id and COSE public key.
    credential_data bytea       NOT NULL,
    -- The authenticator's signature counter: a counter that goes backwards betrays a cloned key.
    sign_count      bigint      NOT NULL CHECK (sign_count >= 0),
    uv_initialized  boolean     NOT NULL,
    backup_eligible boolean     NOT NULL,
    backed_up       boolean     NOT NULL,
    transports      text[]      NOT NULL DEFAULT '{}',
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz
);

CREATE INDEX passkeys_user ON passkeys (user_id);

-- Ceremonies under way: a challenge handed to a browser, answered once within minutes. Kept in
-- the database so the two requests of a ceremony may reach different server instances.
CREATE TABLE passkey_ceremonies (
    id          text        PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('registration', 'authentication')),
    challenge   bytea       NOT NULL,
    -- Registration only: the user handle offered, the existing user (adding a passkey, recovery),
    -- the SHA-256 of the one-time link the ceremony claims, and the new person's name.
    user_handle bytea,
    user_id     text,
    link_hash   bytea,
    name        text,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies (expires_at);
