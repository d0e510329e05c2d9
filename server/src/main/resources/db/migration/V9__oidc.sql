-- People who sign in with an OpenID Connect provider: the provider's issuer and its stable id for
-- the person (subject) name one account here. The email is what the provider said last, for the
-- team's page; the account is found by issuer and subject, never by email once linked.
CREATE TABLE oidc_identities (
    issuer        text        NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    subject       text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id       text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email         text        CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject)
);

CREATE INDEX oidc_identities_user ON oidc_identities (user_id);
