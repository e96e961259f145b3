package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every pgbench run must show: work done, nothing failed, the TPC-B books balanced. */
final class PgbenchChecks {

  private PgbenchChecks() {}

  static void assertProcessedWithoutFailures(String output) {
    Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(output);
    assertTrue(processed.find(), output);
    assertTrue(Long.parseLong(processed.group(1)) > 0, output);
    assertTrue(output.contains("number of failed transactions: 0 (0.000%)"), output);
  }

  /** TPC-B adds every delta to an account, a teller and a branch, and logs it in history. */
  static void assertBooksBalanced(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT sum(abalance) FROM pgbench_accounts), "
            + "(SELECT sum(tbalance) FROM pgbench_tellers), (SELECT sum(bbalance) FROM pgbench_branches), "
            + "(SELECT sum(delta) FROM pgbench_history)")) {
      rs.next();
      assertEquals(rs.getLong(4), rs.getLong(1));
      assertEquals(rs.getLong(4), rs.getLong(2));
      assertEquals(rs.getLong(4), rs.getLong(3));
    }
  }
}
