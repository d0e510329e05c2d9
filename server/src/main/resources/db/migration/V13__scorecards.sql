-- Each interviewer's scorecard of a room: a rating per criterion, free text and a recommendation.
-- actor is who wrote it (user:<id> for a team member, token:<id> for an interviewer's link), so
-- a person has one scorecard per room, submitted once and edited in place until the room is
-- archived. ratings holds the criteria as they were when it was written ([{criterion, rating}]),
-- so a team changing its criteria later leaves earlier scorecards readable.
CREATE TABLE scorecards (
    room_id         text        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    actor           text        NOT NULL,
    name            text        NOT NULL DEFAULT '',
    ratings         jsonb       NOT NULL,
    notes           text        NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    recommendation  text        NOT NULL
                    CHECK (recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')),
    submitted_at    timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (room_id, actor)
);

-- A team's scorecard criteria, in order; NULL means the defaults (problem solving, code quality,
-- communication, testing).
ALTER TABLE teams ADD COLUMN scorecard_criteria jsonb;

-- An interviewer archives an ended room's report: its scorecards are final from then on.
ALTER TABLE rooms ADD COLUMN archived_at timestamptz;
ALTER TABLE rooms ADD COLUMN archived_by text;
