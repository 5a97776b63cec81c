-- ClaimTrace page store, schema 1 (SQLite).
-- A document is one page key; each distinct content (by SHA-256 of the text) of that key is a version.
-- Times are ISO 8601 in UTC as Microsoft.Data.Sqlite writes DateTimeOffset, so they sort as text.

-- One row per SaveBatch call: which batch brought a version or a failure in.
CREATE TABLE ingest_runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at    TEXT    NOT NULL,
    pages         INTEGER NOT NULL DEFAULT 0,
    added         INTEGER NOT NULL DEFAULT 0,
    new_versions  INTEGER NOT NULL DEFAULT 0,
    unchanged     INTEGER NOT NULL DEFAULT 0,
    rejected      INTEGER NOT NULL DEFAULT 0,
    failures      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
    id                TEXT    NOT NULL PRIMARY KEY,   -- PageIds.FromKey(key)
    key               TEXT    NOT NULL UNIQUE,
    current_version   INTEGER NOT NULL CHECK (current_version >= 1),
    first_ingested_at TEXT    NOT NULL
);

CREATE TABLE versions (
    doc_id         TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version        INTEGER NOT NULL CHECK (version >= 1),
    content_hash   TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    format         TEXT    NOT NULL,                  -- 'text' | 'html'
    encoding       TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    length         INTEGER NOT NULL,                  -- UTF-16 code units, what offsets count
    -- Metadata in full (values, origins, spans) as JSON; the columns below copy values for listing and filtering.
    metadata       TEXT    NOT NULL,
    title          TEXT,
    outlet         TEXT,
    outlet_folded  TEXT,                              -- lower-cased in .NET so the filter folds beyond ASCII
    author         TEXT,
    published      TEXT,
    url            TEXT,
    segment_count  INTEGER NOT NULL,
    comment_count  INTEGER NOT NULL,
    ingested_at    TEXT    NOT NULL,
    run_id         INTEGER REFERENCES ingest_runs (id),
    PRIMARY KEY (doc_id, version)
);  -- a rowid table: rows carry whole texts, too big for a WITHOUT ROWID b-tree keyed by random ids

-- One version per distinct content of a document: this is what makes a page that flips back unchanged.
CREATE UNIQUE INDEX versions_by_hash ON versions (doc_id, content_hash);
CREATE INDEX versions_by_source ON versions (source);
CREATE INDEX versions_by_outlet ON versions (outlet_folded);

CREATE TABLE segments (
    doc_id       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,
    kind         TEXT    NOT NULL,                    -- gold-format name: article, comments, editor_note...
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    first_line   INTEGER NOT NULL,
    last_line    INTEGER NOT NULL,
    PRIMARY KEY (doc_id, version, ordinal),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE comments (
    doc_id       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    idx          INTEGER NOT NULL,                    -- Comment.Index: reply_to points at it
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    first_line   INTEGER NOT NULL,
    last_line    INTEGER NOT NULL,
    author       TEXT,
    depth        INTEGER NOT NULL,
    reply_to     INTEGER,
    likely_spam  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, version, idx),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE warnings (
    doc_id   TEXT    NOT NULL,
    version  INTEGER NOT NULL,
    ordinal  INTEGER NOT NULL,
    message  TEXT    NOT NULL,
    PRIMARY KEY (doc_id, version, ordinal),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE failures (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source      TEXT    NOT NULL,
    location    TEXT,
    kind        TEXT    NOT NULL,                     -- FailureKind name, lower case
    reason      TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    run_id      INTEGER REFERENCES ingest_runs (id)
);

CREATE INDEX failures_by_time ON failures (recorded_at, id);
