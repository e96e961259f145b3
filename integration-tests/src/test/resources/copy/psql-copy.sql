\set VERBOSITY verbose
CREATE TABLE cp (id int PRIMARY KEY, name text, ok boolean, note text);
COPY cp FROM STDIN;
1	alpha	t	tab\there
2	\N	f	back\\slash
\.
COPY cp (id, name) FROM STDIN WITH (FORMAT csv, HEADER);
id,name
3,"comma, inside"
4,
\.
COPY cp FROM STDIN;
5	short
\.
COPY cp FROM STDIN;
6	x	t	y	extra
\.
COPY cp FROM STDIN;
1	duplicate	t	x
\.
\copy cp from '@CSVFILE@' with csv
COPY cp TO STDOUT;
COPY cp TO STDOUT WITH (FORMAT csv, HEADER, FORCE_QUOTE (name));
COPY (SELECT id, name FROM cp WHERE id > 2 ORDER BY id) TO STDOUT WITH CSV;
BEGIN;
COPY cp (id) FROM STDIN;
100
\.
SELECT count(*) FROM cp;
ROLLBACK;
SELECT count(*) FROM cp;
COPY cp FROM STDIN (FORMAT xml);
DROP TABLE cp;
