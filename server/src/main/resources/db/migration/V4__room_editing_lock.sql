-- Whether the interviewer has locked the candidate out of editing; survives restarts and reloads.
ALTER TABLE rooms ADD COLUMN candidate_locked boolean NOT NULL DEFAULT false;
