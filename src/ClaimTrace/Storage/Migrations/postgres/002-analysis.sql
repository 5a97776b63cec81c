-- ClaimTrace page store, schema 2 (PostgreSQL): the analysis of each version.
-- Every table is keyed by (doc_id, version) like segments, so a new version brings its own analysis and an
-- old one keeps what was found in its text. Offsets are UTF-16 code units into versions.text, end exclusive.
-- Names that filters compare case-insensitively are also stored folded in .NET (*_folded), as on SQLite: the
-- shared SQL compares those columns on both backends.

-- 1 once the version's analysis is stored. A page stored before analysis existed (schema 1, or an ingest
-- without the analysis stage) has 0, so ingesting the same content again fills its analysis in.
ALTER TABLE versions ADD COLUMN analysed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE sentences (
    doc_id       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    idx          INTEGER NOT NULL,                    -- Sentence.Index: statements point at it
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    paragraph    INTEGER NOT NULL,
    segment      TEXT    NOT NULL,                    -- gold-format segment name
    in_comments  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, version, idx),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
);

CREATE TABLE quotes (
    doc_id       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    closed       INTEGER NOT NULL,
    PRIMARY KEY (doc_id, version, ordinal),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
);

CREATE TABLE statements (
    doc_id                 TEXT    NOT NULL,
    version                INTEGER NOT NULL,
    idx                    INTEGER NOT NULL,          -- Statement.Index: quantities and stances point at it
    kind                   TEXT    NOT NULL,          -- direct | indirect | mixed | unattributed
    -- The speaker: every column null when the page attributes the statement to nobody.
    speaker_written        TEXT,
    speaker_start          INTEGER,
    speaker_end            INTEGER,
    speaker_name           TEXT,
    speaker_name_start     INTEGER,
    speaker_name_end       INTEGER,
    speaker_kind           TEXT,                      -- person | organisation | group | unknown
    speaker_role           TEXT,
    speaker_rank           TEXT,
    speaker_organisation   TEXT,
    speaker_folded         TEXT,                      -- name and written form, folded, for the speaker filter
    cue_start              INTEGER,
    cue_end                INTEGER,
    cue_lemma              TEXT,
    content_start          INTEGER NOT NULL,
    content_end            INTEGER NOT NULL,
    sentence               INTEGER NOT NULL,
    in_comments            INTEGER NOT NULL,
    -- The value of the statement's date (may be partial: 2018-11, --12-11); null if the page does not say.
    event_date             TEXT,
    PRIMARY KEY (doc_id, version, idx),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
);

CREATE TABLE quantities (
    doc_id       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    value        DOUBLE PRECISION    NOT NULL,
    value_max    DOUBLE PRECISION,
    unit         TEXT    NOT NULL,
    qualifier    TEXT,
    what         TEXT,
    measure      TEXT,
    measure_folded TEXT,
    scope        TEXT,
    scope_folded TEXT,
    written_as   TEXT,
    implicit     INTEGER NOT NULL,
    statement    INTEGER,                             -- statements.idx of the statement holding it
    in_comments  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, version, ordinal),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
);

CREATE INDEX quantities_by_measure ON quantities (measure_folded);

CREATE TABLE dates (
    doc_id       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    value        TEXT    NOT NULL,                    -- ISO 8601, possibly partial
    resolution   TEXT    NOT NULL,
    PRIMARY KEY (doc_id, version, ordinal),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
);

CREATE TABLE entities (
    doc_id       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    kind         TEXT    NOT NULL,                    -- person | organisation | place | armed_group
    canonical    TEXT    NOT NULL,
    PRIMARY KEY (doc_id, version, ordinal),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
);

CREATE TABLE stances (
    doc_id           TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    ordinal          INTEGER NOT NULL,
    start_offset     INTEGER NOT NULL,
    end_offset       INTEGER NOT NULL,
    kind             TEXT    NOT NULL,                -- disputed | questioned | hedged | distanced
    target_statement INTEGER NOT NULL,                -- statements.idx
    by_party         TEXT    NOT NULL,                -- 'outlet' or the party's name
    PRIMARY KEY (doc_id, version, ordinal),
    FOREIGN KEY (doc_id, version) REFERENCES versions (doc_id, version) ON DELETE CASCADE
);
