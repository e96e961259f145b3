package io.kqlite.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kqlite.statemachine.LocalFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCallInlinerTest {

  private static final Map<String, String> SETTINGS = Map.of("application_name", "psql");
  private final SessionCallInliner inliner = new SessionCallInliner(List.of(
      new LocalFunction("current_user", 0, args -> "o'brien"),
      new LocalFunction("pg_backend_pid", 0, args -> 4242L),
      new LocalFunction("inet_client_addr", 0, args -> null),
      new LocalFunction("current_setting", 1, args -> SETTINGS.get((String) args[0]))));

  @Test
  void callsBecomeLiteralsOfTheirValues() {
    assertEquals("INSERT INTO t VALUES ('o''brien', (4242), NULL)",
        inliner.inline("INSERT INTO t VALUES (current_user(), pg_backend_pid(), inet_client_addr())"));
    assertEquals("UPDATE t SET app = 'psql' WHERE who = 'o''brien'",
        inliner.inline("UPDATE t SET app = current_setting('application_name') WHERE who = CURRENT_USER ( )"));
  }

  @Test
  void onlyCallsOfTheFunctionsWithLiteralArgumentsChange() {
    String untouched = "INSERT INTO t SELECT 'current_user()', \"current_user\", s.current_user(),"
        + " current_setting(name), current_setting('a', 'b') FROM s";
    assertSame(untouched, inliner.inline(untouched));
    String plain = "INSERT INTO kine (name) VALUES (?1) RETURNING id";
    assertSame(plain, inliner.inline(plain));
  }

  /** The first look matches whole words before a parenthesis, in any case, at any position. */
  @Test
  void callsAreFoundAsWholeWordsAnywhere() {
    assertEquals("(4242)", inliner.inline("PG_BACKEND_PID\n (\t)"));
    assertEquals("SELECT x(1),(4242)", inliner.inline("SELECT x(1),pg_backend_pid()"));
    String longer = "INSERT INTO t VALUES (my_pg_backend_pid(), pg_backend_pid2(), $pg_backend_pid())";
    assertSame(longer, inliner.inline(longer));
  }

  /** A column default is evaluated for each inserting session; it cannot be frozen at CREATE. */
  @Test
  void tableDefinitionsAreLeftAlone() {
    String create = "CREATE TABLE t (who TEXT DEFAULT (current_user()))";
    assertSame(create, inliner.inline(create));
    String alter = "ALTER TABLE t ADD COLUMN pid INTEGER DEFAULT (pg_backend_pid())";
    assertSame(alter, inliner.inline(alter));
  }
}
