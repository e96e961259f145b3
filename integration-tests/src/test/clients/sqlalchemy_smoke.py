"""SQLAlchemy 1.4 over psycopg2 (Debian's python3-sqlalchemy): what an ORM user does first.

psycopg2 opens a transaction before the first statement, so everything here, SQLAlchemy's own
catalog queries on connect and its reflection included, runs inside explicit transactions.
Usage: sqlalchemy_smoke.py PORT
"""
import sys

import sqlalchemy as sa

port = sys.argv[1]
engine = sa.create_engine(f"postgresql+psycopg2://postgres@127.0.0.1:{port}/postgres")
metadata = sa.MetaData()
users = sa.Table(
    "sa_users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),  # "id SERIAL NOT NULL, …, PRIMARY KEY (id)"
    sa.Column("name", sa.String(50), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
)
metadata.drop_all(engine)
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(users.insert(), [{"name": "ann", "active": True}, {"name": "bob", "active": False}])
    inserted = conn.execute(users.insert().values(name="cy").returning(users.c.id)).scalar_one()
    assert inserted == 3, inserted

with engine.connect() as conn:
    rows = conn.execute(sa.select(users.c.id, users.c.name, users.c.active)
                        .where(users.c.name.in_(["ann", "bob"])).order_by(users.c.id)).fetchall()
    assert [tuple(r) for r in rows] == [(1, "ann", True), (2, "bob", False)], rows

inspector = sa.inspect(engine)
assert "sa_users" in inspector.get_table_names(), inspector.get_table_names()
columns = {c["name"]: c for c in inspector.get_columns("sa_users")}
assert list(columns) == ["id", "name", "active"], list(columns)
assert columns["name"]["nullable"] is False, columns["name"]
# unnest() and generate_subscripts() of pg_index.indkey in a select list
assert inspector.get_pk_constraint("sa_users")["constrained_columns"] == ["id"]
reflected = sa.Table("sa_users", sa.MetaData(), autoload_with=engine)
assert [c.name for c in reflected.primary_key] == ["id"], reflected.primary_key

# psycopg2 adapts a list to ARRAY[…]: in a write, inside the driver's transaction.
raw = engine.raw_connection()
try:
    cur = raw.cursor()
    cur.execute("SELECT current_user, version() LIKE 'PostgreSQL%%'")
    assert cur.fetchone() == ("postgres", True)
    cur.execute("UPDATE sa_users SET active = true WHERE id = ANY(%s)", ([2, 3],))
    assert cur.rowcount == 2, cur.rowcount
    cur.execute("SELECT count(*) FROM sa_users WHERE active AND name = ANY(%s)", (["bob", "cy"],))
    assert cur.fetchone() == (2,)
    raw.commit()
finally:
    raw.close()
print("sqlalchemy ok")
