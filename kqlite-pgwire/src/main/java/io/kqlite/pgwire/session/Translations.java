package io.kqlite.pgwire.session;

import io.kqlite.pgwire.sql.PgToSqlite;
import io.kqlite.pgwire.sql.SqlTranslationException;
import io.kqlite.pgwire.sql.TranslatedStatement;
import io.kqlite.statemachine.SqlException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translation is a pure function of the SQL text and clients repeat the same statements, so
 * results are kept in a bounded LRU cache shared by all sessions.
 */
final class Translations {

  private static final int CAPACITY = 2048;
  private static final Map<String, TranslatedStatement> CACHE =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TranslatedStatement> eldest) {
          return size() > CAPACITY;
        }
      };

  private Translations() {}

  static TranslatedStatement translate(String sql) {
    synchronized (CACHE) {
      TranslatedStatement cached = CACHE.get(sql);
      if (cached != null) {
        return cached;
      }
    }
    TranslatedStatement translated;
    try {
      translated = PgToSqlite.translate(sql);
    } catch (SqlTranslationException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
    if (translated.kind() != io.kqlite.pgwire.sql.StatementKind.ACCESS) { // may hold a password
      synchronized (CACHE) {
        CACHE.put(sql, translated);
      }
    }
    return translated;
  }
}
