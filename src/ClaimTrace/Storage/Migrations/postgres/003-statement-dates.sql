-- ClaimTrace page store, schema 3 (PostgreSQL): a statement's date as the analysis gives it.
-- Statement.Date indexes the version's dates (dates.ordinal); null when the page does not say when.
-- statements.event_date keeps that date's value, so the claims query filters without a join.
ALTER TABLE statements ADD COLUMN date_index INTEGER;
