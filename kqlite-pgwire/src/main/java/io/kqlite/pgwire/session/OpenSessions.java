package io.kqlite.pgwire.session;

import io.kqlite.statemachine.SqlCluster;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many sessions of this node are connected to each database, so that DROP DATABASE can be
 * refused (55006) while others use it, as PostgreSQL does. Counted per node (one SqlCluster is one
 * node; tests run several in one JVM). Sessions on other nodes are not seen: after a drop they get
 * 3D000 on their next statement.
 */
final class OpenSessions {

  private static final Map<SqlCluster, Map<String, AtomicInteger>> BY_NODE = new WeakHashMap<>();

  private OpenSessions() {
  }

  private static synchronized Map<String, AtomicInteger> of(SqlCluster node) {
    return BY_NODE.computeIfAbsent(node, n -> new ConcurrentHashMap<>());
  }

  static void opened(SqlCluster node, String database) {
    of(node).computeIfAbsent(database, d -> new AtomicInteger()).incrementAndGet();
  }

  static void closed(SqlCluster node, String database) {
    AtomicInteger count = of(node).get(database);
    if (count != null) {
      count.decrementAndGet();
    }
  }

  static int count(SqlCluster node, String database) {
    AtomicInteger count = of(node).get(database);
    return count == null ? 0 : Math.max(0, count.get());
  }
}
