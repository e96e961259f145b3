-- source: /work/shared/reference/kine-postgres.md (sql blocks of sections 2.x and Appendix A; last 2 statements: Appendix A v0.16.0-2 inline LIKE..ESCAPE form, one as written, one spliced into the ListCurrentVal shape)
-- statements separated by lines '-- @@@@'; deduplicated by shape (whitespace collapsed, digit runs -> 0)
-- @@@@
SELECT 1 FROM pg_database WHERE datname = $1
-- @@@@
CREATE DATABASE "kubernetes";
-- @@@@
-- ping
-- @@@@
select version()
-- @@@@
CREATE TABLE IF NOT EXISTS kine ( id BIGSERIAL PRIMARY KEY, name text COLLATE "C", created INTEGER, deleted INTEGER, create_revision BIGINT, prev_revision BIGINT, lease INTEGER, value bytea, old_value bytea );
-- @@@@
CREATE INDEX IF NOT EXISTS kine_name_index ON kine (name)
-- @@@@
CREATE INDEX IF NOT EXISTS kine_name_id_index ON kine (name,id)
-- @@@@
CREATE INDEX IF NOT EXISTS kine_id_deleted_index ON kine (id,deleted)
-- @@@@
CREATE INDEX IF NOT EXISTS kine_prev_revision_index ON kine (prev_revision)
-- @@@@
CREATE UNIQUE INDEX IF NOT EXISTS kine_name_prev_revision_uindex ON kine (name, prev_revision)
-- @@@@
CREATE INDEX IF NOT EXISTS kine_list_query_index on kine(name, id DESC, deleted)
-- @@@@
ALTER TABLE kine ALTER COLUMN id SET DATA TYPE BIGINT, ALTER COLUMN create_revision SET DATA TYPE BIGINT, ALTER COLUMN prev_revision SET DATA TYPE BIGINT
-- @@@@
ALTER SEQUENCE kine_id_seq AS BIGINT
-- @@@@
ALTER TABLE kine ALTER COLUMN name SET DATA TYPE TEXT COLLATE "C" USING name::TEXT COLLATE "C"
-- @@@@
SELECT COUNT(*) FROM key_value
-- @@@@
SELECT COUNT(*) FROM kine
-- @@@@
INSERT INTO kine(deleted, create_revision, prev_revision, name, value, created, lease) SELECT 0, 0, 0, kv.name, kv.value, 1, CASE WHEN kv.ttl > 0 THEN 15 ELSE 0 END FROM key_value kv WHERE kv.id IN (SELECT MAX(kvd.id) FROM key_value kvd GROUP BY kvd.name)
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine WHERE id = (SELECT MAX(id) AS id FROM kine WHERE name = $1 ) AND (deleted = 0 OR $2)
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease, value FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine WHERE id = (SELECT MAX(id) AS id FROM kine WHERE name = $1 ) AND (deleted = 0 OR $2)
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name = $1 AND id <= $2) AS mkv USING (id) WHERE (deleted = 0 OR $3) ORDER BY name ASC LIMIT 1
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease, value FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name = $1 AND id <= $2) AS mkv USING (id) WHERE (deleted = 0 OR $3) ORDER BY name ASC LIMIT 1
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name >= $1 AND name < $2 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $3) ORDER BY name ASC
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease, value FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name >= $1 AND name < $2 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $3) ORDER BY name ASC LIMIT 501
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name >= $1 AND name < $2 AND id <= $3 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $4) ORDER BY name ASC
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease, value FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name >= $1 AND name < $2 AND id <= $3 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $4) ORDER BY name ASC
-- @@@@
SELECT (SELECT MAX(id) AS current_rev FROM kine), COUNT(id) FROM kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name >= $1 AND name < $2 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $3)
-- @@@@
SELECT (SELECT MAX(id) AS current_rev FROM kine), (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key'), COUNT(id) FROM kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name >= $1 AND name < $2 AND id <= $3 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $4)
-- @@@@
SELECT MAX(id) AS current_rev FROM kine
-- @@@@
SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key'
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease, value, old_value FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine WHERE id > $1 ORDER BY id ASC LIMIT 500
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease, value, old_value FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine WHERE name >= $1 AND name < $2 AND id > $3 ORDER BY id ASC
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease, value, old_value FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine WHERE name = $1 AND id > $2 ORDER BY id ASC
-- @@@@
INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, old_value) SELECT $1, $2, $3, $4, $5, $6, $7, (SELECT value FROM kine WHERE id = $8) AS old_value RETURNING id
-- @@@@
INSERT INTO kine(id, name, created, deleted, create_revision, prev_revision, lease, value, old_value) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)
-- @@@@
DELETE FROM kine WHERE id = $1
-- @@@@
begin isolation level serializable
-- @@@@
DELETE FROM kine AS kv USING ( SELECT kp.prev_revision AS id FROM kine AS kp WHERE kp.name != 'compact_rev_key' AND kp.prev_revision != 0 AND kp.id <= $1 UNION SELECT kd.id AS id FROM kine AS kd WHERE kd.deleted != 0 AND kd.id <= $2 ) AS ks WHERE kv.id = ks.id
-- @@@@
UPDATE kine SET prev_revision = $1 WHERE name = 'compact_rev_key'
-- @@@@
commit
-- @@@@
SELECT pg_total_relation_size('kine')
-- @@@@
SELECT (SELECT MAX(rkv.id) AS id FROM kine AS rkv), (SELECT MAX(crkv.prev_revision) AS prev_revision FROM kine AS crkv WHERE crkv.name = 'compact_rev_key'), maxkv.* FROM ( SELECT DISTINCT ON (name) kv.id AS theid, kv.name, kv.created, kv.deleted, kv.create_revision, kv.prev_revision, kv.lease, kv.value FROM kine AS kv WHERE kv.name LIKE $1 ESCAPE '^' AND kv.name >= $2 ORDER BY kv.name, theid DESC ) AS maxkv WHERE maxkv.deleted = 0 OR $3 ORDER BY maxkv.name, maxkv.theid DESC
-- @@@@
SELECT (SELECT MAX(rkv.id) AS id FROM kine AS rkv), COUNT(c.theid) FROM ( SELECT DISTINCT ON (name) kv.id AS theid, kv.deleted FROM kine AS kv WHERE kv.name LIKE $1 ESCAPE '^' AND kv.name >= $2 ORDER BY kv.name, theid DESC ) AS c WHERE c.deleted = 0 OR $3
-- @@@@
SELECT ( SELECT MAX(rkv.id) AS id FROM kine AS rkv), ( SELECT MAX(crkv.prev_revision) AS prev_revision FROM kine AS crkv WHERE crkv.name = 'compact_rev_key'), kv.id AS theid, kv.name AS thename, kv.created, kv.deleted, kv.create_revision, kv.prev_revision, kv.lease, kv.value, kv.old_value FROM kine AS kv WHERE kv.name LIKE $1 ESCAPE '^' AND kv.id > $2 ORDER BY kv.id ASC
-- @@@@
SELECT MAX(rkv.id) AS id FROM kine AS rkv
-- @@@@
SELECT MAX(crkv.prev_revision) AS prev_revision FROM kine AS crkv WHERE crkv.name = 'compact_rev_key'
-- @@@@
INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, old_value) values($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
-- @@@@
INSERT INTO kine(id, name, created, deleted, create_revision, prev_revision, lease, value, old_value) values($1, $2, $3, $4, $5, $6, $7, $8, $9)
-- @@@@
DELETE FROM kine AS kv WHERE kv.id = $1
-- @@@@
SELECT MAX(id) AS id FROM kine WHERE name LIKE $1 ESCAPE '^' AND name >= $2 GROUP BY name
-- @@@@
SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, prev_revision, lease, value FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine INNER JOIN (SELECT MAX(id) AS id FROM kine WHERE name LIKE $1 ESCAPE '^' AND name >= $2 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $3) ORDER BY name ASC LIMIT 501
