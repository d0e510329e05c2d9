-- Which server instance a live room is in, so that the others forward its sockets there, and who
-- is connected to it, so that any instance can list them. The truth is the owner's advisory lock
-- on the room (held by its PostgreSQL session, so it goes with a killed instance's connection); a
-- row is only the address where that lock was last taken, and a stale one is overwritten by the
-- next instance that takes the lock.
CREATE TABLE room_owners (
    room_id      text        PRIMARY KEY REFERENCES rooms (id) ON DELETE CASCADE,
    address      text        NOT NULL,
    since        timestamptz NOT NULL DEFAULT now(),
    participants jsonb       NOT NULL DEFAULT '[]'
);
