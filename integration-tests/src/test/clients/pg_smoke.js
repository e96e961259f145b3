// node-postgres (pg from npm) against kqlite: extended protocol with untyped text parameters
// (the server infers their types), text results parsed by OID. Usage: node pg_smoke.js PORT
const { Client } = require('pg');

async function main() {
  const client = new Client({ host: '127.0.0.1', port: Number(process.argv[2]), user: 'test', database: 'postgres' });
  await client.connect();
  await client.query(`CREATE TABLE js_types (id serial PRIMARY KEY, i4 integer, i8 bigint, f8 double precision,
      t text, b boolean, by bytea, ts timestamptz, j jsonb)`);
  const inserted = await client.query(
    'INSERT INTO js_types (i4, i8, f8, t, b, by, ts, j) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
    [42, '9007199254740993', 0.5, 'héllo', true, Buffer.from([0, 1, 254, 255]), new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), { a: [1, 2] }]);
  const id = inserted.rows[0].id;
  const { rows } = await client.query('SELECT i4, i8, f8, t, b, by, ts, j FROM js_types WHERE id = $1', [id]);
  const r = rows[0];
  const failed = [];
  if (r.i4 !== 42) failed.push('integer ' + r.i4);
  if (r.i8 !== '9007199254740993') failed.push('bigint ' + r.i8);
  if (r.f8 !== 0.5) failed.push('double ' + r.f8);
  if (r.t !== 'héllo') failed.push('text ' + r.t);
  if (r.b !== true) failed.push('boolean ' + r.b);
  if (!Buffer.isBuffer(r.by) || !r.by.equals(Buffer.from([0, 1, 254, 255]))) failed.push('bytea ' + r.by);
  if (!(r.ts instanceof Date) || r.ts.getTime() !== Date.UTC(2024, 0, 2, 3, 4, 5)) failed.push('timestamptz ' + r.ts);
  if (JSON.stringify(r.j) !== JSON.stringify({ a: [1, 2] })) failed.push('jsonb ' + JSON.stringify(r.j));
  const count = await client.query('SELECT count(*) AS n FROM js_types WHERE b = $1 AND i4 > $2', [true, 1]);
  if (count.rows[0].n !== '1') failed.push('count ' + count.rows[0].n);
  await client.end();
  if (failed.length) {
    console.log('MISMATCH: ' + failed.join(', '));
    process.exit(1);
  }
  console.log('node-postgres smoke: 8 types ok');
}

main().catch((e) => { console.log('ERROR: ' + e.message + ' ' + (e.code || '')); process.exit(1); });
