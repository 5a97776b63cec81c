-- ClaimTrace page store, schema 4 (PostgreSQL): near-duplicate signatures and copy links (src/ClaimTrace/Linking/Duplicates).
-- The signatures let a later ingest continue the duplicate index without re-reading old pages; the links are
-- what the index and the credits found. Both can be dropped and rebuilt from the pages at any time (relink).

-- One MinHash signature per document, of the version named. scheme says how it was made (shingle length,
-- hash family, size); signatures of another scheme are not comparable and are rebuilt.
CREATE TABLE signatures (
    doc_id        TEXT    NOT NULL PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    scheme        TEXT    NOT NULL,
    shingle_count INTEGER NOT NULL,
    signature     BYTEA    NOT NULL,                   -- 4 bytes per value, little-endian
    -- What linking needs besides the signature, copied here so the index loads from this table alone.
    published     TEXT,
    outlet        TEXT,
    url           TEXT,
    credit        TEXT,                               -- the credited original source, as the page names it
    credit_origin TEXT,
    credit_start  INTEGER,
    credit_end    INTEGER,
    credit_url    TEXT
);

-- A copy and what it copies: another stored page (origin_id), or only the outlet its credit names.
CREATE TABLE copy_links (
    copy_id          TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    target           TEXT    NOT NULL,                -- origin_id, or 'outlet:' and the folded credited outlet
    origin_id        TEXT    REFERENCES documents (id) ON DELETE CASCADE,
    origin_outlet    TEXT,
    direction        TEXT    NOT NULL,                -- credited | by_date | undirected (then copy_id < origin_id)
    credit           TEXT,
    credit_origin    TEXT,
    credit_start     INTEGER,
    credit_end       INTEGER,
    credit_url       TEXT,
    jaccard          DOUBLE PRECISION,                            -- estimated from the signatures
    containment      DOUBLE PRECISION,
    copy_shingles    INTEGER,
    origin_shingles  INTEGER,
    copy_published   TEXT,
    origin_published TEXT,
    PRIMARY KEY (copy_id, target)
);

CREATE INDEX copy_links_by_origin ON copy_links (origin_id);
