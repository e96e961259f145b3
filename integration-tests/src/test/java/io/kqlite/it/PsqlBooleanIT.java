package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comparisons, AND/OR/NOT, IS, LIKE, IN, BETWEEN and EXISTS in a select list come back as
 * PostgreSQL booleans ('t'/'f', type boolean in psql's \gdesc), exactly as PostgreSQL 15 prints
 * them for the same script (see resources/psql-bool/README.md to regenerate the expected output).
 */
class PsqlBooleanIT {

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(1);
  }

  @AfterAll
  static void stop() throws IOException {
    cluster.close();
  }

  @Test
  void booleanExpressionsPrintWhatPostgreSqlPrints() throws Exception {
    assertEquals(resource("expected.out"), PsqlIT.psql(cluster.pgPort(0), resource("script.psql")));
  }

  /** Described as bool (OID 16) and read back as booleans, in text and in binary (pgjdbc). */
  @Test
  void booleanExpressionsAreDescribedAsBool() throws Exception {
    for (String threshold : new String[] {"5", "-1"}) {
      java.util.Properties props = new java.util.Properties();
      props.setProperty("user", "test");
      props.setProperty("prepareThreshold", threshold);
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(cluster.url(0, "postgres"), props);
           java.sql.PreparedStatement st = c.prepareStatement("SELECT ? > 1, ? = 'x' AS same,"
               + " EXISTS (SELECT 1 WHERE 1 = 0) AS e, NOT true AS n, 1 IN (1, 2) AS i")) {
        st.setInt(1, 5);
        st.setString(2, "y");
        try (java.sql.ResultSet rs = st.executeQuery()) {
          java.sql.ResultSetMetaData meta = rs.getMetaData();
          for (int i = 1; i <= 5; i++) {
            assertEquals("bool", meta.getColumnTypeName(i), meta.getColumnLabel(i));
          }
          rs.next();
          assertEquals(java.util.List.of(true, false, false, false, true),
              java.util.List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                  rs.getBoolean(4), rs.getBoolean(5)));
          assertEquals("t", rs.getString(1));
        }
      }
    }
  }

  private static String resource(String name) throws IOException {
    return Psql.resource("/psql-bool/" + name);
  }
}
