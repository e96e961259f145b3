package io.kqlite.pgwire.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which authentication method a connection must use: the rules of a pg_hba.conf file (a subset
 * of PostgreSQL's syntax), first match wins, no match refuses the connection.
 *
 * <p>Supported: {@code host|hostssl|hostnossl DATABASE USER ADDRESS[/CIDR] METHOD} and the
 * {@code ADDRESS MASK} form; comma-separated lists, {@code all}, {@code sameuser}, double-quoted
 * names; methods {@code trust reject password md5 scram-sha-256}. {@code local} lines are
 * accepted and never match (no Unix socket). Anything else is an error naming the line, so a
 * typo cannot silently open the server.
 */
public final class HbaConfig {

  private static final Set<String> TYPES = Set.of("local", "host", "hostssl", "hostnossl");

  private final List<HbaRule> rules;

  private HbaConfig(List<HbaRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * The rules without a file: trust from loopback addresses, SCRAM from everywhere else, so a
   * fresh node is usable locally but not open to the network.
   */
  public static HbaConfig defaults() {
    return parse(List.of(
        "host all all 127.0.0.0/8 trust",
        "host all all ::1/128 trust",
        "host all all 0.0.0.0/0 scram-sha-256",
        "host all all ::/0 scram-sha-256"));
  }

  public static HbaConfig load(Path file) throws IOException {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** @throws IllegalArgumentException naming the line of the first invalid entry */
  public static HbaConfig parse(List<String> lines) {
    List<HbaRule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> fields = fields(lines.get(i), i + 1);
      if (!fields.isEmpty()) {
        try {
          rules.add(rule(fields, i + 1));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
        }
      }
    }
    return new HbaConfig(rules);
  }

  /** The method of the first rule that matches, or null when none does. */
  public AuthMethod methodFor(ConnectionFacts facts) {
    for (HbaRule rule : rules) {
      if (rule.matches(facts)) {
        return rule.method();
      }
    }
    return null;
  }

  /** PostgreSQL's message when no rule matches. */
  public static String noEntryMessage(ConnectionFacts facts) {
    InetAddress address = facts.address();
    return "no pg_hba.conf entry for host \"" + address.getHostAddress() + "\", user \""
        + facts.user() + "\", database \"" + facts.database() + "\", "
        + (facts.tls() ? "SSL encryption" : "no encryption");
  }

  private static HbaRule rule(List<String> fields, int line) {
    String type = fields.get(0).toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("invalid connection type \"" + fields.get(0) + "\"");
    }
    boolean local = type.equals("local");
    int next = 3;
    AddressRange address = null;
    if (!local) {
      need(fields, 4, "end-of-line before IP address specification");
      String text = fields.get(3);
      if (fields.size() > 5 && AddressRange.looksNumeric(fields.get(4)) && !text.contains("/")) {
        address = AddressRange.parse(text, fields.get(4));
        next = 5;
      } else if (text.equals("samehost") || text.equals("samenet") || !AddressRange.looksNumeric(text)) {
        throw new IllegalArgumentException("address \"" + text + "\" is not supported: use an IP address with a CIDR mask");
      } else {
        address = AddressRange.parse(text);
        next = 4;
      }
    }
    need(fields, next + 1, "end-of-line before authentication method");
    AuthMethod method = AuthMethod.named(fields.get(next));
    if (method == null) {
      throw new IllegalArgumentException("invalid authentication method \"" + fields.get(next) + "\"");
    }
    if (fields.size() > next + 1) {
      throw new IllegalArgumentException("authentication option \"" + fields.get(next + 1) + "\" is not supported");
    }
    return new HbaRule(type, names(fields.get(1), Set.of("all", "sameuser")),
        names(fields.get(2), Set.of("all")), address, method, line);
  }

  private static void need(List<String> fields, int count, String what) {
    if (fields.size() < count) {
      throw new IllegalArgumentException(what);
    }
  }

  /** A comma-separated list; unquoted keywords are marked, quoted text is a plain name. */
  private static Set<String> names(String field, Set<String> keywords) {
    Set<String> names = new LinkedHashSet<>();
    for (String item : splitList(field)) {
      if (item.startsWith("\"")) {
        names.add(item.substring(1, item.length() - 1).replace("\"\"", "\""));
      } else if (keywords.contains(item.toLowerCase(Locale.ROOT))) {
        names.add(HbaRule.KEYWORD + item.toLowerCase(Locale.ROOT));
      } else if (item.startsWith("+") || item.startsWith("@") || item.equals("samerole")
          || item.equals("replication")) {
        throw new IllegalArgumentException("\"" + item + "\" is not supported");
      } else {
        names.add(item);
      }
    }
    return names;
  }

  private static List<String> splitList(String field) {
    List<String> items = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        items.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    items.add(current.toString());
    for (String item : items) {
      if (item.isEmpty()) {
        throw new IllegalArgumentException("empty name in list \"" + field + "\"");
      }
    }
    return items;
  }

  /** Splits a line into whitespace-separated fields; {@code #} starts a comment outside quotes. */
  private static List<String> fields(String line, int number) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '#') {
        break;
      } else if (!quoted && Character.isWhitespace(c)) {
        if (current.length() > 0) {
          fields.add(current.toString());
          current.setLength(0);
        }
        continue;
      }
      current.append(c);
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + number + ": unterminated quoted string");
    }
    if (current.length() > 0) {
      fields.add(current.toString());
    }
    return fields;
  }
}
