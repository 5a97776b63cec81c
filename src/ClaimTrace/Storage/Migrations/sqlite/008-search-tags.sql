-- ClaimTrace page store, schema 8 (SQLite): filters and facets of search carried by the index (docs/search.md).
-- A filter that joined the analysis tables for every matching unit (speaker, stance, measure, place) or walked
-- them by date cost up to a second on a common word over 100,000 pages; as tokens of the word index (SearchTags)
-- the filters are intersected with the words inside FTS5. The facet values each unit counts toward are kept on
-- its row, so facets are counted from the hits alone.

-- The units are written again from the stored pages: the old index has no tags, and a contentless FTS5 table
-- cannot gain a column. Unit ids are the index's rowids, so both go together.
DELETE FROM search_units;
DROP TABLE search_text;

ALTER TABLE search_units ADD COLUMN facets TEXT;          -- UnitFacets: "letter<TAB>value" lines

--   tags    the unit's filter tokens; the query's own words are kept to the three text columns
CREATE VIRTUAL TABLE search_text USING fts5 (
    body, speaker, context, tags,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT OR IGNORE INTO search_backlog (doc_id) SELECT id FROM documents;
