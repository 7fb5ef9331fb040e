-- dafu SQLite schema, version 1 (PRAGMA user_version = 1).
-- One row in `documents` per record; the child tables hold the lists of a record, in order
-- (`pos` is the 0-based position in the record's array). Deleting a document deletes its rows.

CREATE TABLE IF NOT EXISTS documents (
    doc_id            INTEGER PRIMARY KEY,
    id                TEXT NOT NULL,      -- record id: the path as given, or the stdin record id
    path              TEXT,               -- source.path; NULL for stdin records
    sha256            TEXT NOT NULL,      -- of the raw bytes ('' when the file could not be read)
    bytes             INTEGER NOT NULL,
    encoding          TEXT,
    encoding_method   TEXT,
    malformed         INTEGER,
    error_kind        TEXT,               -- io | empty | binary | too_large | bad_input; NULL when extracted
    error_message     TEXT,
    disclosure        TEXT,
    classification    TEXT,
    issuer            TEXT,
    doc_number        TEXT,               -- doc_number.text, e.g. 邵市发改函〔2024〕77号
    doc_agency_code   TEXT,
    doc_year          INTEGER,
    doc_serial        INTEGER,
    title             TEXT,
    proposal_body     TEXT,
    proposal_level    TEXT,
    proposal_term     INTEGER,
    proposal_session  INTEGER,
    proposal_number   TEXT,               -- as written, leading zeros kept
    proposal_kind     TEXT,
    addressee_count   INTEGER,
    subject           TEXT,
    date              TEXT,               -- ISO YYYY-MM-DD
    signer            TEXT,
    next_steps        TEXT,
    chars             INTEGER,
    lines             INTEGER,
    tokens            INTEGER,
    record            TEXT NOT NULL       -- the full JSON record, as `dafu extract` prints it
);
-- The idempotence key: a file by its path, a stdin record by its id.
CREATE UNIQUE INDEX IF NOT EXISTS documents_path ON documents(path) WHERE path IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS documents_stdin_id ON documents(id) WHERE path IS NULL;
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_doc_number ON documents(doc_number);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(issuer);

CREATE TABLE IF NOT EXISTS amounts (
    doc_id        INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    pos           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    yuan          TEXT NOT NULL,          -- exact decimal, e.g. '15792000' or '1102614.6'
    yuan_fen      INTEGER,                -- exact integer fen (yuan × 100) when it fits, for SUM()
    yuan_max      TEXT,
    yuan_max_fen  INTEGER,
    qualifier     TEXT,
    inferred_unit INTEGER NOT NULL,       -- 0 | 1
    per           TEXT,
    label         TEXT,
    measure       INTEGER,
    line          INTEGER NOT NULL,
    PRIMARY KEY (doc_id, pos)
);

CREATE TABLE IF NOT EXISTS contacts (
    doc_id  INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    role    TEXT,
    name    TEXT,
    phones  TEXT NOT NULL,                -- JSON array of strings
    PRIMARY KEY (doc_id, pos)
);

CREATE TABLE IF NOT EXISTS addressees (
    doc_id  INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    name    TEXT NOT NULL,
    role    TEXT,
    PRIMARY KEY (doc_id, pos)
);

CREATE TABLE IF NOT EXISTS measures (
    doc_id  INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    idx     INTEGER NOT NULL,             -- the measure's own number (record: index)
    heading TEXT,
    points  TEXT NOT NULL,                -- JSON array of strings
    line    INTEGER NOT NULL,
    PRIMARY KEY (doc_id, pos)
);

-- "references" is an SQL keyword: the table of cited documents is `refs`.
CREATE TABLE IF NOT EXISTS refs (
    doc_id      INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    title       TEXT NOT NULL,
    doc_number  TEXT,
    PRIMARY KEY (doc_id, pos)
);

-- One row per error record (the same kind/message as documents.error_kind/error_message).
CREATE TABLE IF NOT EXISTS errors (
    doc_id  INTEGER PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    message TEXT NOT NULL
);

-- What the extractor doubted: record warnings (field 'record') and doc_number warnings ('doc_number').
CREATE TABLE IF NOT EXISTS warnings (
    doc_id  INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    field   TEXT NOT NULL,
    pos     INTEGER NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (doc_id, field, pos)
);
