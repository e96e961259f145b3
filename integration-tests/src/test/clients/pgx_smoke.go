// pgx v4 (Debian's golang-github-jackc-pgx-v4-dev, the Go driver family k3s's kine uses) against
// kqlite: cached prepared statements (Parse + Describe, then Bind/Execute with binary int, bool and
// bytea), kine's table and insert, 23505 with its constraint name, typed results, a transaction,
// and a connection that goes on after an error. Build: GO111MODULE=off GOPATH=/usr/share/gocode.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

func must(err error, what string) {
	if err != nil {
		fmt.Println("FAILED:", what, err)
		os.Exit(1)
	}
}

func check(ok bool, format string, args ...interface{}) {
	if !ok {
		fmt.Printf("MISMATCH: "+format+"\n", args...)
		os.Exit(1)
	}
}

func main() {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, "postgres://test@127.0.0.1:"+os.Args[1]+"/postgres?sslmode=disable")
	must(err, "connect")
	defer conn.Close(ctx)

	_, err = conn.Exec(ctx, "DROP TABLE IF EXISTS kine")
	must(err, "drop")
	_, err = conn.Exec(ctx, `CREATE TABLE kine (id BIGSERIAL PRIMARY KEY, name text COLLATE "C",
		created INTEGER, deleted INTEGER, create_revision BIGINT, prev_revision BIGINT, lease INTEGER,
		value bytea, old_value bytea)`)
	must(err, "create table")
	_, err = conn.Exec(ctx, "CREATE UNIQUE INDEX kine_name_prev_revision_uindex ON kine (name, prev_revision)")
	must(err, "create index")

	insert := `INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, old_value)
		values($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`
	var first, second int64
	must(conn.QueryRow(ctx, insert, "/registry/a", 1, 0, int64(0), int64(0), 0, []byte{0, 1, 0xfe}, nil).Scan(&first), "insert")
	must(conn.QueryRow(ctx, insert, "/registry/b", 1, 0, int64(0), int64(0), 0, []byte("v"), nil).Scan(&second), "insert 2")
	check(second == first+1, "ids %d then %d", first, second)

	err = conn.QueryRow(ctx, insert, "/registry/a", 1, 0, int64(0), int64(0), 0, []byte("dup"), nil).Scan(&second)
	var pgErr *pgconn.PgError
	check(errors.As(err, &pgErr) && pgErr.Code == "23505" && pgErr.ConstraintName == "kine_name_prev_revision_uindex",
		"duplicate insert gave %v", err)

	// The statement failed above; pgx drops it and prepares it again here.
	var third int64
	must(conn.QueryRow(ctx, insert, "/registry/c", 1, 0, int64(0), int64(0), 0, []byte("c"), nil).Scan(&third), "insert after error")

	var maxID, count int64
	must(conn.QueryRow(ctx, "SELECT MAX(id), COUNT(*) FROM kine").Scan(&maxID, &count), "max")
	check(maxID == third && count == 3, "max %d count %d", maxID, count)

	var value []byte
	var created bool
	var name string
	must(conn.QueryRow(ctx, "SELECT name, value, created = 1 FROM kine WHERE id = $1", first).Scan(&name, &value, &created), "read back")
	check(name == "/registry/a" && bytes.Equal(value, []byte{0, 1, 0xfe}) && created, "read back %q %v %v", name, value, created)

	var sum int64
	var half float64
	var today time.Time
	var flag bool
	must(conn.QueryRow(ctx, "SELECT $1::int8 + 1, 7 / 2.0::float8, now()::date, $2::bool", int64(41), true).Scan(&sum, &half, &today, &flag), "expressions")
	check(sum == 42 && half == 3.5 && !today.IsZero() && flag, "expressions %d %v %v %v", sum, half, today, flag)

	tx, err := conn.Begin(ctx)
	must(err, "begin")
	_, err = tx.Exec(ctx, "DELETE FROM kine WHERE id = $1", second)
	must(err, "delete in transaction")
	must(tx.Commit(ctx), "commit")
	must(conn.QueryRow(ctx, "SELECT COUNT(*) FROM kine").Scan(&count), "count")
	check(count == 2, "count after delete %d", count)

	_, err = conn.Exec(ctx, "SELEC 1")
	check(err != nil, "a syntax error was accepted")
	must(conn.Ping(ctx), "ping after error")
	fmt.Println("pgx v4 smoke: kine statements ok, types ok")
}
