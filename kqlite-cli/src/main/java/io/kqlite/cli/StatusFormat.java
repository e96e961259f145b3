package io.kqlite.cli;

import io.kqlite.pgwire.catalog.JsonText;
import io.kqlite.statemachine.raft.MemberStatus;
import java.util.List;

/** Renders {@code kqlite cluster status}: an aligned table for people, JSON for scripts. */
final class StatusFormat {

  private StatusFormat() {}

  static String table(List<MemberStatus> members) {
    long leaderLast = members.stream().filter(m -> m.role().equals("LEADER"))
        .mapToLong(MemberStatus::lastLogIndex).findFirst().orElse(-1);
    StringBuilder out = new StringBuilder(String.format("%-10s %-22s %-11s %-7s %-5s %-8s %-8s %-8s %s%n",
        "ID", "RAFT ADDRESS", "ROLE", "KIND", "TERM", "COMMIT", "APPLIED", "LAST", "LAG"));
    for (MemberStatus m : members) {
      String lag = leaderLast < 0 || m.appliedIndex() < 0 ? "-" : Long.toString(Math.max(0, leaderLast - m.appliedIndex()));
      out.append(String.format("%-10s %-22s %-11s %-7s %-5s %-8s %-8s %-8s %s%n", m.id(), m.raftAddress(),
          m.role(), m.witness() ? "witness" : "data", number(m.term()), number(m.commitIndex()),
          number(m.appliedIndex()), number(m.lastLogIndex()), lag));
    }
    String leader = members.stream().filter(m -> m.role().equals("LEADER")).map(MemberStatus::id)
        .findFirst().orElse("none (no quorum?)");
    out.append("leader: ").append(leader);
    return out.toString();
  }

  static String json(List<MemberStatus> members) {
    StringBuilder out = new StringBuilder("{\"members\":[");
    for (int i = 0; i < members.size(); i++) {
      MemberStatus m = members.get(i);
      out.append(i == 0 ? "" : ",").append('{')
          .append("\"id\":").append(quote(m.id()))
          .append(",\"raftAddress\":").append(quote(m.raftAddress()))
          .append(",\"role\":").append(quote(m.role()))
          .append(",\"witness\":").append(m.witness())
          .append(",\"leaderId\":").append(quote(m.leaderId()))
          .append(",\"term\":").append(m.term())
          .append(",\"commitIndex\":").append(m.commitIndex())
          .append(",\"appliedIndex\":").append(m.appliedIndex())
          .append(",\"lastLogIndex\":").append(m.lastLogIndex())
          .append(m.error().isEmpty() ? "" : ",\"error\":" + quote(m.error()))
          .append('}');
    }
    String leader = members.stream().filter(m -> m.role().equals("LEADER")).map(MemberStatus::id)
        .findFirst().orElse(null);
    return out.append("],\"leader\":").append(leader == null ? "null" : quote(leader)).append('}').toString();
  }

  private static String number(long value) {
    return value < 0 ? "-" : Long.toString(value);
  }

  private static String quote(String text) {
    return JsonText.quote(text);
  }
}
