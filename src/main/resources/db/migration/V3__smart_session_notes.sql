-- Which notes each SMART session generated. The clinician app approves only those, so a note id from
-- another launch (another patient, another browser) can never be written into this session's chart.
-- No PHI: a note id and the SHA-256 of the session id. Rows of ended sessions go with the SMART purge.
CREATE TABLE smart_session_notes (
    note_id      VARCHAR(64)              NOT NULL PRIMARY KEY,
    session_hash VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX smart_session_notes_session_idx ON smart_session_notes (session_hash);
