"""asyncpg (Debian's python3-asyncpg) against kqlite: binary parameters and results of every
supported type, count(*) typed bigint, a transaction, binary COPY (copy_records_to_table) and
lists as array parameters."""
import asyncio
import datetime
import decimal
import sys
import uuid

import asyncpg


async def main(port):
    c = await asyncpg.connect(host="127.0.0.1", port=port, user="test", database="postgres")
    await c.execute("DROP TABLE IF EXISTS apg_types")
    await c.execute("CREATE TABLE apg_types (id bigint PRIMARY KEY, b boolean, i int, f float8, s text,"
                    " d date, ts timestamptz, n numeric, u uuid, by bytea)")
    ts = datetime.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc)
    row = (1, True, 42, 1.5, "héllo", datetime.date(2024, 1, 2), ts, decimal.Decimal("12.34"),
           uuid.UUID("12345678-1234-5678-1234-567812345678"), b"\x00\x01\xfe")
    await c.execute("INSERT INTO apg_types VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", *row)
    got = await c.fetchrow("SELECT * FROM apg_types WHERE id = $1", 1)
    failed = [name for name, want in zip(got.keys(), row) if got[name] != want]

    records = [(i, i % 2 == 0, i, i / 4, "copied %d" % i, datetime.date(2024, 2, 1), ts,
                decimal.Decimal(i) / 4, uuid.UUID(int=i), bytes([i % 256])) for i in range(2, 502)]
    records.append((999, None, None, None, None, None, None, None, None, None))
    status = await c.copy_records_to_table("apg_types", records=records)
    if status != "COPY 501":
        failed.append("copy status " + status)
    count = await c.fetchval("SELECT count(*) FROM apg_types")
    if count != 502:  # an int: count(*) is bigint, as in PostgreSQL
        failed.append("count %r" % (count,))
    copied = await c.fetchrow("SELECT * FROM apg_types WHERE id = 7")
    if tuple(copied.values()) != records[5]:
        failed.append("copied row %r" % (tuple(copied.values()),))
    try:
        await c.copy_records_to_table("apg_types", records=[records[0]])
        failed.append("duplicate copy accepted")
    except asyncpg.UniqueViolationError:
        pass
    async with c.transaction():
        await c.execute("DELETE FROM apg_types WHERE id > 500")
    if await c.fetchval("SELECT count(*) FROM apg_types") != 500:
        failed.append("delete in a transaction")
    # Lists as parameters: asyncpg looks the array type up with its typeinfo_tree catalog query
    # (array_agg ... ORDER BY, a binary oid[] parameter, pg_range), then sends a binary array.
    ids = await c.fetch("SELECT id FROM apg_types WHERE id = ANY($1) ORDER BY id", [3, 5, 604])
    if [r["id"] for r in ids] != [3, 5]:
        failed.append("= ANY(list) %r" % (ids,))
    others = await c.fetchval("SELECT count(*) FROM apg_types WHERE id <> ALL($1::bigint[])", [1, 2])
    if others != 498:
        failed.append("<> ALL(list) %r" % (others,))
    await c.execute("DELETE FROM apg_types WHERE id = ANY($1)", [2, 3])
    if await c.fetchval("SELECT count(*) FROM apg_types") != 498:
        failed.append("delete = ANY(list)")
    # Expressions: typed by the statement's Describe, before any row exists, as PostgreSQL types them.
    e = await c.fetchrow("SELECT 1 + 1 AS a, $1::int8 * 2 AS b, 2.5 * 2 AS c, true AS d,"
                         " now()::date AS e, length('abc') + 1 AS f, $2::bool AS g", 21, False)
    if (e["a"], e["b"], e["c"], e["d"], e["f"], e["g"]) != (2, 42, decimal.Decimal("5.0"), True, 4, False) \
            or not isinstance(e["e"], datetime.date):
        failed.append("expressions %r" % (e,))
    await c.close()
    if failed:
        print("MISMATCH:", ", ".join(failed), "got", got)
        sys.exit(1)
    print("asyncpg smoke: types ok, binary COPY ok, list parameters ok")


asyncio.run(main(int(sys.argv[1])))
