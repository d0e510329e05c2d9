-- The problem a room works on (an id of the server's catalogue), and what a test-mode run was
-- judged against and how it went (the agent's report, hidden cases included: the API withholds
-- them from candidates).
ALTER TABLE rooms ADD COLUMN problem_id text;
ALTER TABLE runs ADD COLUMN problem_id text;
ALTER TABLE runs ADD COLUMN tests jsonb;
