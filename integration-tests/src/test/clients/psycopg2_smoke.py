"""psycopg2 (Debian's python3-psycopg2) against kqlite: every supported type in and out.

psycopg2 interpolates parameters on the client and uses the simple protocol with text
results; it sends BEGIN before the first statement (autocommit off). Exits non-zero on any
mismatch. Usage: psycopg2_smoke.py PORT
"""
import datetime
import decimal
import sys
import uuid

import psycopg2

conn = psycopg2.connect(host="127.0.0.1", port=int(sys.argv[1]), user="test", dbname="postgres")
cur = conn.cursor()
cur.execute("""CREATE TABLE py_types (id serial PRIMARY KEY, i2 smallint, i4 integer, i8 bigint,
    f4 real, f8 double precision, num numeric, t text, vc varchar(20), b boolean, by bytea,
    ts timestamp, tstz timestamptz, d date, u uuid, j json)""")
conn.commit()

row = (7, 70000, 2 ** 40, 1.5, 2.25, decimal.Decimal("3.14159"), "it's ünïcode", "short", True,
       b"\x00\x01\xfe\xff", datetime.datetime(2024, 1, 2, 3, 4, 5, 123456),
       datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
       datetime.date(2024, 2, 29), str(uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")), '{"a": 1}')
cur.execute("""INSERT INTO py_types (i2, i4, i8, f4, f8, num, t, vc, b, by, ts, tstz, d, u, j)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""",
            row[:9] + (psycopg2.Binary(row[9]),) + row[10:])
new_id = cur.fetchone()[0]
conn.commit()

cur.execute("SELECT i2, i4, i8, f4, f8, num, t, vc, b, by, ts, tstz, d, u, j FROM py_types WHERE id = %s",
            (new_id,))
got = cur.fetchone()
expected = list(row)
checks = [
    ("smallint", got[0] == 7), ("integer", got[1] == 70000), ("bigint", got[2] == 2 ** 40),
    ("real", got[3] == 1.5), ("double", got[4] == 2.25),
    ("numeric", decimal.Decimal(str(got[5])) == decimal.Decimal("3.14159")),
    ("text", got[6] == "it's ünïcode"), ("varchar", got[7] == "short"), ("boolean", got[8] is True),
    ("bytea", bytes(got[9]) == b"\x00\x01\xfe\xff"),
    ("timestamp", got[10] == expected[10]), ("timestamptz", got[11] == expected[11]),
    ("date", got[12] == expected[12]), ("uuid", str(got[13]) == expected[13]),
    ("json", got[14] == {"a": 1} or got[14] == '{"a": 1}'),
]
failed = [name for name, ok in checks if not ok]
cur.execute("SELECT count(*) FROM py_types WHERE b AND i8 > %s", (1,))
if cur.fetchone()[0] != 1:
    failed.append("where clause with parameters")
conn.rollback()
conn.close()
if failed:
    print("MISMATCH:", ", ".join(failed), "got", got)
    sys.exit(1)
print("psycopg2 smoke: %d types ok" % len(checks))
