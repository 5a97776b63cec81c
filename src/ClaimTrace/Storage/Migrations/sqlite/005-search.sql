-- ClaimTrace page store, schema 5 (SQLite): full-text search over statements, articles and reader comments
-- (src/ClaimTrace/Storage/Search, docs/search.md). Only current versions are searchable: the store replaces a
-- document's units whenever its current version changes or its analysis is filled in.

-- One row per searchable unit of a document's current version: a statement, the page's article (title and
-- article text) or one reader comment. Its id is the rowid of the unit's full-text row.
CREATE TABLE search_units (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    kind         TEXT    NOT NULL,                    -- statement | article | comment
    item         INTEGER,                             -- statements.idx or comments.idx; null for the article
    start_offset INTEGER NOT NULL,                    -- the unit's span in versions.text (UTF-16, end exclusive)
    end_offset   INTEGER NOT NULL,
    in_comments  INTEGER NOT NULL,
    -- The date the date filter compares: a statement's own date when it has a year, else the page's published.
    unit_date    TEXT,
    -- The page's outlet, copied from versions: a versions row carries the whole text, so reading a column after
    -- it for every hit of a common word would walk every hit page's overflow chain.
    outlet        TEXT,
    outlet_folded TEXT
);

CREATE INDEX search_units_by_doc ON search_units (doc_id);

-- The words of each unit. Contentless: the text already lives in versions.text, and snippets are cut from there
-- (by offsets, so they point into the page), which leaves only the index to store here. contentless_delete lets
-- a new version's units replace the old ones row by row.
--   body    statement content / article text / comment text
--   speaker the statement's speaker as resolved and as written
--   context the statement's sentence / the page title / the comment's author
-- unicode61 folds case and diacritics ("Deir ez-Zor" finds "deir ez zor", "Ruśkan" finds "ruskan"). No prefix
-- indexes: they tripled the index entries per word, made storing a page a third slower and the file a third
-- bigger (docs/search.md), while a prefix query of three letters or more stays fast by scanning the terms.
CREATE VIRTUAL TABLE search_text USING fts5 (
    body, speaker, context,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Documents whose units are still to be written: every document stored before this schema. The store drains
-- it when it opens (in batches, each in its own transaction), cutting the units from the stored text in .NET
-- so offsets stay UTF-16 like every other offset (SQLite's substr counts code points).
CREATE TABLE search_backlog (
    doc_id TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

INSERT INTO search_backlog (doc_id) SELECT id FROM documents;
