-- Crypto-shredding (issue 10 item 3): each new note is sealed with its own data key, and a note's
-- key_slot names that key. Rows with key_slot NULL and content were sealed with the master key
-- directly (before V4); the purge job re-seals them with data keys. key_id is '#data-key' for
-- content sealed with a data key.
ALTER TABLE notes ADD COLUMN key_slot BIGINT;

-- Data keys wrapped by the master key, used when the database is shared by several instances
-- (PostgreSQL). The embedded default keeps them in the data directory's note-keys.vault file
-- instead, where destroying a key overwrites it in place. No PHI: random keys, wrapped.
CREATE TABLE note_keys (
    slot        BIGINT                   NOT NULL PRIMARY KEY,
    key_id      VARCHAR(32)              NOT NULL,
    iv          BYTEA                    NOT NULL,
    wrapped     BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX note_keys_created_idx ON note_keys (created_at);
