package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pgjdbc's DatabaseMetaData over kqlite's catalog: the values asserted are what the same calls
 * return against PostgreSQL 15 for the same schema.
 */
class JdbcMetadataIT {

  private static TestCluster cluster;
  private static Connection connection;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(1);
    connection = cluster.connect(0);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE authors (id integer PRIMARY KEY, name text NOT NULL,"
          + " email varchar(100) UNIQUE)");
      s.execute("CREATE TABLE books (id integer PRIMARY KEY, author_id integer NOT NULL"
          + " REFERENCES authors (id), title text NOT NULL, pages integer DEFAULT 0,"
          + " price numeric(8,2), published boolean DEFAULT false)");
      s.execute("CREATE INDEX books_title_idx ON books (title)");
      s.execute("CREATE UNIQUE INDEX books_published_title ON books (title) WHERE published");
      s.execute("CREATE VIEW published_books AS SELECT id, title FROM books WHERE published");
    }
  }

  @AfterAll
  static void stop() throws IOException, SQLException {
    connection.close();
    cluster.close();
  }

  @Test
  void tablesAndViewsWithoutInternalTables() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, "public", "%", new String[] {"TABLE", "VIEW"})) {
      while (rs.next()) {
        rows.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + " "
            + rs.getString("TABLE_TYPE"));
      }
    }
    assertEquals(List.of("public.authors TABLE", "public.books TABLE",
        "public.published_books VIEW"), rows);
  }

  @Test
  void columnsWithTypesNullabilityAndDefaults() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, "public", "books", "%")) {
      while (rs.next()) {
        rows.add(rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
            + rs.getInt("DATA_TYPE") + " " + rs.getString("TYPE_NAME") + " "
            + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + " "
            + rs.getString("IS_NULLABLE") + " " + rs.getString("COLUMN_DEF"));
      }
    }
    assertEquals(List.of(
        "1 id " + Types.INTEGER + " int4 10,0 NO null",
        "2 author_id " + Types.INTEGER + " int4 10,0 NO null",
        "3 title " + Types.VARCHAR + " text 2147483647,0 NO null",
        "4 pages " + Types.INTEGER + " int4 10,0 YES 0",
        "5 price " + Types.NUMERIC + " numeric 8,2 YES null",
        "6 published " + Types.BIT + " bool 1,0 YES false"), rows);
    try (ResultSet rs = connection.getMetaData().getColumns(null, "public", "authors", "email")) {
      assertTrue(rs.next());
      assertEquals("varchar", rs.getString("TYPE_NAME"));
      assertEquals(100, rs.getInt("COLUMN_SIZE"));
      assertEquals(DatabaseMetaData.columnNullable, rs.getInt("NULLABLE"));
      assertFalse(rs.next());
    }
  }

  @Test
  void primaryKeys() throws SQLException {
    try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, "public", "books")) {
      assertTrue(rs.next());
      assertEquals("id", rs.getString("COLUMN_NAME"));
      assertEquals(1, rs.getInt("KEY_SEQ"));
      assertEquals("books_pkey", rs.getString("PK_NAME"));
      assertFalse(rs.next());
    }
  }

  @Test
  void indexesIncludingPrimaryKeyAndPartial() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getIndexInfo(null, "public", "books", false, false)) {
      while (rs.next()) {
        rows.add(rs.getString("INDEX_NAME") + " unique=" + !rs.getBoolean("NON_UNIQUE") + " "
            + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
            + rs.getString("ASC_OR_DESC") + " " + rs.getString("FILTER_CONDITION"));
      }
    }
    assertEquals(List.of(
        "books_pkey unique=true 1 id A null",
        "books_published_title unique=true 1 title A published",
        "books_title_idx unique=false 1 title A null"), rows);
  }

  @Test
  void foreignKeys() throws SQLException {
    try (ResultSet rs = connection.getMetaData().getImportedKeys(null, "public", "books")) {
      assertTrue(rs.next());
      assertEquals("authors", rs.getString("PKTABLE_NAME"));
      assertEquals("id", rs.getString("PKCOLUMN_NAME"));
      assertEquals("author_id", rs.getString("FKCOLUMN_NAME"));
      assertEquals("books_author_id_fkey", rs.getString("FK_NAME"));
      assertEquals("authors_pkey", rs.getString("PK_NAME"));
      assertEquals(DatabaseMetaData.importedKeyNoAction, rs.getInt("DELETE_RULE"));
      assertFalse(rs.next());
    }
  }
}
