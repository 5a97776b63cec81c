-- ClaimTrace page store, schema 8 (PostgreSQL): filters and facets of search carried by the index (docs/search.md).
-- A filter that joined the analysis tables for every matching unit (speaker, stance, measure, place) or walked
-- them by date cost up to a second on a common word over 100,000 pages; as lexemes of a tsvector of their own
-- (SearchTags) under a GIN index, the filters are matched by the index. The facet values each unit counts toward
-- are kept on its row, so facets are counted from the hits alone.
ALTER TABLE search_units ADD COLUMN tags   TSVECTOR NOT NULL DEFAULT ''::tsvector;
ALTER TABLE search_units ADD COLUMN facets TEXT;          -- UnitFacets: "letter<TAB>value" lines

CREATE INDEX search_units_tags ON search_units USING GIN (tags);

-- Every document's units are written again from the stored page when the store opens.
INSERT INTO search_backlog (doc_id) SELECT id FROM documents ON CONFLICT DO NOTHING;
