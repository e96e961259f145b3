package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement real clients were seen sending translates: kine's postgres dialect (all
 * shapes, old ones too), psql 15's describe queries, pgbench, pgjdbc's DatabaseMetaData, and the
 * introspection of SQLAlchemy, asyncpg and psycopg 3. The statements were captured from
 * PostgreSQL 15's log ({@code log_statement=all}) while those clients ran; the header of each
 * file under {@code client-statements/} says how. The same corpus measured JSqlParser 5.3 (see
 * bench/sql-parser.sh): it rejects 40 of these 194 statements.
 */
class ClientStatementCorpusTest {

  private static final List<String> SOURCES = List.of("kine", "psql15", "pgbench", "pgjdbc", "orm_drivers");

  static Stream<Arguments> statements() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (String source : SOURCES) {
      List<String> statements = read(source);
      assertTrue(statements.size() > 15, source + " has too few statements: " + statements.size());
      for (int i = 0; i < statements.size(); i++) {
        all.add(Arguments.of(source + "#" + (i + 1), statements.get(i)));
      }
    }
    return all.stream();
  }

  /** Statements are separated by lines {@code -- @@@@}; the part before the first is a header. */
  static List<String> read(String source) throws IOException {
    try (InputStream in = ClientStatementCorpusTest.class.getResourceAsStream(
        "/client-statements/" + source + ".sql")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> parts = new ArrayList<>(List.of(text.split("\n-- @@@@\n", -1)));
      parts.remove(0);
      return parts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void translates(String where, String statement) {
    assertDoesNotThrow(() -> PgToSqlite.translate(statement), where + ": " + statement);
  }
}
