-- The problem library. A problem is one row of problems (team_id NULL for the curated set shipped
-- with the server) and one row of problem_versions per version of its content, never changed
-- once written: a room and a run record the id and the version they used, so a later edit leaves
-- a past interview as it was.
--
-- id is the problem's wire id, stable across versions: the slug for a curated problem
-- (two-sum, as rooms have always stored it) and team-<8 lowercase hex>-<slug> for a team's.
-- current_version is the newest version (what authors edit); published_version is the version
-- rooms get when they pick the problem (NULL until the first publish). status tells whether the
-- current version is the published one (published) or a newer draft (draft).
CREATE TABLE problems (
    id                 text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,80}$'),
    team_id            text        REFERENCES teams (id) ON DELETE CASCADE,
    slug               text        NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    current_version    integer     NOT NULL CHECK (current_version >= 1),
    published_version  integer     CHECK (published_version BETWEEN 1 AND current_version),
    status             text        NOT NULL CHECK (status IN ('draft', 'published')),
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_by         text        NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK ((team_id IS NULL) = (id = slug))
);

-- A slug names one problem among the curated ones and one within each team.
CREATE UNIQUE INDEX problems_curated_slug ON problems (slug) WHERE team_id IS NULL;
CREATE UNIQUE INDEX problems_team_slug ON problems (team_id, slug) WHERE team_id IS NOT NULL;

-- One version: the whole folder as files ({"problem.json": "...", "statement.md": "...",
-- "tests.json": "...", "starter/python.py": "...", ...}), the format of the curated set and of a
-- team's import and export, so a version reads back exactly as it was written. content_hash is the
-- SHA-256 of those files, which tells an unchanged curated folder at start. The columns after it
-- are copies of the folder's metadata for searching. validation is the last result of running the
-- reference solutions against the tests and validation_passed its verdict (NULL until validated);
-- a version is published only once it passed.
CREATE TABLE problem_versions (
    problem_id    text        NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    version       integer     NOT NULL CHECK (version >= 1),
    files         jsonb       NOT NULL,
    content_hash  text        NOT NULL,
    title         text        NOT NULL,
    difficulty    text        NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    categories    text[]      NOT NULL,
    languages     text[]      NOT NULL,
    search_text   text        NOT NULL,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    validation         jsonb,
    validation_passed  boolean,
    validated_at       timestamptz,
    PRIMARY KEY (problem_id, version)
);

-- The version of its problem a room works on and a run was judged against.
ALTER TABLE rooms ADD COLUMN problem_version integer;
ALTER TABLE runs ADD COLUMN problem_version integer;

-- Rooms and runs from before the library worked on what the first import stores as version 1.
UPDATE rooms SET problem_version = 1 WHERE problem_id IS NOT NULL;
UPDATE runs SET problem_version = 1 WHERE problem_id IS NOT NULL;
