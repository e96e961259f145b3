"""psycopg 3 (Debian's python3-psycopg): server-side parameters, lists as arrays, binary results,
COPY rows, all inside the transactions psycopg opens by default. Usage: psycopg3_smoke.py PORT"""
import decimal
import sys

import psycopg

conn = psycopg.connect(f"host=127.0.0.1 port={sys.argv[1]} dbname=postgres user=postgres")
cur = conn.cursor()
cur.execute("DROP TABLE IF EXISTS p3_items")
cur.execute("CREATE TABLE p3_items (id serial PRIMARY KEY, name text NOT NULL, price numeric, active boolean DEFAULT true)")
conn.commit()
cur.executemany("INSERT INTO p3_items (name, price) VALUES (%s, %s)",
                [("a", decimal.Decimal("1.5")), ("b", 2), ("c", None)])
cur.execute("SELECT name FROM p3_items WHERE name = ANY(%s) ORDER BY name", (["a", "c"],))
assert cur.fetchall() == [("a",), ("c",)]
cur.execute("SELECT relname FROM pg_class WHERE relname = %s", ("p3_items",))
assert cur.fetchall() == [("p3_items",)]
conn.commit()
with conn.cursor(binary=True) as binary:
    binary.execute("SELECT id, name, active FROM p3_items WHERE id = %s", (1,))
    assert binary.fetchone() == (1, "a", True)
with cur.copy("COPY p3_items (name, price) FROM STDIN") as copy:
    copy.write_row(("d", 4))
    copy.write_row(("e", None))
conn.commit()
cur.execute("SELECT count(*) FROM p3_items WHERE id = ANY(%s) AND name <> ALL(%s)", ([1, 2, 300000], ["b"]))
assert cur.fetchone() == (1,)  # psycopg 3 sends the numbers as a binary int4[]
cur.execute("DELETE FROM p3_items WHERE id = ANY(%s)", ([4, 5],))
assert cur.rowcount == 2, cur.rowcount
conn.commit()
cur.execute("SELECT count(*) FROM p3_items")
assert cur.fetchone() == (3,)
conn.close()
print("psycopg3 ok")
