-- The lists' search box ("contains", any case) reads an index of the text's trigrams
-- instead of every title: pg_trgm gives the trigrams, btree_gin puts the organisation in
-- front so one organisation's search reads only its own entries. Both ship with
-- PostgreSQL (contrib) and are trusted extensions, which a database's owner may create.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX "WorkOrder_title_search_idx" ON "WorkOrder" USING gin ("organisationId", title gin_trgm_ops);
CREATE INDEX "Site_name_search_idx" ON "Site" USING gin ("organisationId", name gin_trgm_ops);
