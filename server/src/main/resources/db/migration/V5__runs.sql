-- Every run of a room's code: what ran (the code as it was), who asked, and how it ended.
CREATE TABLE runs (
    id                text        PRIMARY KEY,
    room_id           text        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    requested_by      text        NOT NULL,
    role              text        NOT NULL,
    language          text        NOT NULL,
    mode              text        NOT NULL,
    code              text        NOT NULL,
    stdin             text        NOT NULL DEFAULT '',
    status            text,
    exit_code         integer,
    stdout            text,
    stderr            text,
    compile_output    text,
    stdout_truncated  boolean,
    stderr_truncated  boolean,
    compile_ms        bigint,
    run_ms            bigint,
    memory_bytes      bigint,
    message           text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz
);

CREATE INDEX runs_room_created ON runs (room_id, created_at);
