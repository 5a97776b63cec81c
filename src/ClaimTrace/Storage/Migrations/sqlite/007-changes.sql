-- ClaimTrace page store, schema 7: a counter of committed changes. Every transaction that changes what readers see
-- (a batch of pages, copy links, stored claims, the search backlog) adds one to it before it commits, so the number
-- moves together with the data it counts: a reader that keeps answers (the web app) compares it to know whether the
-- store changed, whichever process or machine changed it.
CREATE TABLE store_changes (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    changes BIGINT  NOT NULL
);

INSERT INTO store_changes (id, changes) VALUES (1, 0);
