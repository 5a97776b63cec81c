-- ClaimTrace page store, schema 6 (PostgreSQL): the result of claims linking (src/ClaimTrace/Linking/Claims), kept so
-- that reading commands and the web app do not link the corpus again, and so that an ingest that changes nothing
-- claims read leaves it as it is. Everything here can be rebuilt from the pages at any time (relink).

-- One row: what the stored result was made from. inputs is a digest of the measured pages (id and version), the
-- copy links touching them and the linker's build and user data files; a store whose digest differs is relinked.
CREATE TABLE link_state (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    inputs    TEXT    NOT NULL,
    linked_at TEXT    NOT NULL,
    pages     INTEGER NOT NULL,                      -- measured pages read
    claims    INTEGER NOT NULL,
    conflicts INTEGER NOT NULL
);

-- One row per claim: the columns copy what listing and filtering need, body is the whole claim with its reports
-- as JSON (docs/claims.md).
CREATE TABLE claims (
    id         TEXT    NOT NULL PRIMARY KEY,
    ordinal    INTEGER NOT NULL UNIQUE,               -- the linker's order: family, date, id
    family     TEXT    NOT NULL,
    measure    TEXT    NOT NULL,
    unit       TEXT    NOT NULL,
    scope      TEXT,
    side_key   TEXT    NOT NULL,
    side       TEXT    NOT NULL,
    value      DOUBLE PRECISION    NOT NULL,
    date       TEXT,
    reports    INTEGER NOT NULL,
    body       TEXT    NOT NULL
);

CREATE TABLE claim_pages (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    doc_id   TEXT NOT NULL,
    PRIMARY KEY (claim_id, doc_id)
);

CREATE INDEX claim_pages_by_doc ON claim_pages (doc_id);

-- The rest of the result, in the linker's order: kind is conflict | event | inferred_date | page_date.
CREATE TABLE link_parts (
    kind    TEXT    NOT NULL,
    ordinal INTEGER NOT NULL,
    body    TEXT    NOT NULL,
    PRIMARY KEY (kind, ordinal)
);
