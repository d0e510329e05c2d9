-- Runs name who asked as people saw them then, and tell the problem's examples from submissions:
-- mode is 'run', 'examples' (the public tests only) or 'test' (a submission, every test).
ALTER TABLE runs ADD COLUMN requested_name text;
