package io.kqlite.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Speaks the protocol the way pgx v5 does for kine (QueryExecModeCacheStatement): each statement
 * is prepared once per connection as {@code stmtcache_<n>} with Parse + Describe(S) + Sync, then
 * run with Bind + Execute + Sync; parameters and results are encoded per the server's
 * ParameterDescription and RowDescription (binary for int, bool and bytea); after an error the
 * statement is closed. Parameterless {@code Exec} calls use the simple protocol.
 */
final class PgxLikeClient implements AutoCloseable {

  /** The outcome of one statement: rows (decoded per column type), the tag, or the error. */
  record Result(List<List<Object>> rows, String tag, String sqlState, String constraint) {
    boolean failed() {
      return sqlState != null;
    }

    long firstLong() {
      return ((Number) rows.get(0).get(0)).longValue();
    }
  }

  private record Prepared(String name, int[] parameterOids, int[] resultOids) {}

  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;
  private final Map<String, Prepared> cache = new HashMap<>();
  private int nextName;

  PgxLikeClient(int port, String database) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    out = new DataOutputStream(socket.getOutputStream());
    in = new DataInputStream(socket.getInputStream());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(body);
    b.writeInt(196608);
    for (String s : new String[] {"user", "kine", "database", database}) {
      cstring(b, s);
    }
    b.write(0);
    out.writeInt(body.size() + 4);
    out.write(body.toByteArray());
    out.flush();
    Result startup = readResult(null);
    if (startup.failed()) {
      throw new IOException("startup failed: " + startup.sqlState());
    }
  }

  /** Simple protocol, as pgx uses for Exec without arguments. */
  Result exec(String sql) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    cstring(new DataOutputStream(body), sql);
    send('Q', body.toByteArray());
    out.flush();
    return readResult(null);
  }

  /** Extended protocol through the statement cache, as pgx's Query/Exec with arguments. */
  Result query(String sql, Object... args) throws IOException {
    Prepared prepared = cache.get(sql);
    if (prepared == null) {
      prepared = prepare(sql);
      if (prepared == null) {
        return lastError;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(body);
    cstring(b, "");
    cstring(b, prepared.name());
    b.writeShort(args.length);
    for (int oid : prepared.parameterOids()) {
      b.writeShort(isBinary(oid) ? 1 : 0);
    }
    b.writeShort(args.length);
    for (int i = 0; i < args.length; i++) {
      byte[] value = encode(prepared.parameterOids()[i], args[i]);
      if (value == null) {
        b.writeInt(-1);
      } else {
        b.writeInt(value.length);
        b.write(value);
      }
    }
    b.writeShort(prepared.resultOids().length);
    for (int oid : prepared.resultOids()) {
      b.writeShort(isBinary(oid) ? 1 : 0);
    }
    send('B', body.toByteArray());
    ByteArrayOutputStream exec = new ByteArrayOutputStream();
    DataOutputStream e = new DataOutputStream(exec);
    cstring(e, "");
    e.writeInt(0);
    send('E', exec.toByteArray());
    send('S', new byte[0]);
    out.flush();
    Result result = readResult(prepared.resultOids());
    if (result.failed()) { // pgx forgets the statement and closes it before the next command
      cache.remove(sql);
      ByteArrayOutputStream close = new ByteArrayOutputStream();
      DataOutputStream c = new DataOutputStream(close);
      c.write('S');
      cstring(c, prepared.name());
      send('C', close.toByteArray());
      send('S', new byte[0]);
      out.flush();
      readResult(null);
    }
    return result;
  }

  private Result lastError;

  /** The parameter types the server reported when the statement was prepared. */
  int[] parameterTypes(String sql) throws IOException {
    Prepared prepared = cache.containsKey(sql) ? cache.get(sql) : prepare(sql);
    if (prepared == null) {
      throw new IOException("prepare failed: " + lastError.sqlState());
    }
    return prepared.parameterOids();
  }

  /** The result column types the server reported when the statement was prepared. */
  int[] resultTypes(String sql) throws IOException {
    parameterTypes(sql);
    return cache.get(sql).resultOids();
  }

  private Prepared prepare(String sql) throws IOException {
    String name = "stmtcache_" + (nextName++);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(body);
    cstring(b, name);
    cstring(b, sql);
    b.writeShort(0);
    send('P', body.toByteArray());
    ByteArrayOutputStream describe = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(describe);
    d.write('S');
    cstring(d, name);
    send('D', describe.toByteArray());
    send('S', new byte[0]);
    out.flush();
    int[] parameters = new int[0];
    int[] results = new int[0];
    String sqlState = null;
    String constraint = null;
    while (true) {
      char type = (char) in.readByte();
      byte[] msg = new byte[in.readInt() - 4];
      in.readFully(msg);
      DataInputStream m = new DataInputStream(new ByteArrayInputStream(msg));
      if (type == 't') {
        parameters = new int[m.readShort()];
        for (int i = 0; i < parameters.length; i++) {
          parameters[i] = m.readInt();
        }
      } else if (type == 'T') {
        results = new int[m.readShort()];
        for (int i = 0; i < results.length; i++) {
          readCString(m);
          m.readInt();
          m.readShort();
          results[i] = m.readInt();
          m.readShort();
          m.readInt();
          m.readShort();
        }
      } else if (type == 'E') {
        Map<Character, String> fields = fields(msg);
        sqlState = fields.get('C');
        constraint = fields.get('n');
      } else if (type == 'Z') {
        break;
      }
    }
    if (sqlState != null) {
      lastError = new Result(List.of(), null, sqlState, constraint);
      return null;
    }
    Prepared prepared = new Prepared(name, parameters, results);
    cache.put(sql, prepared);
    return prepared;
  }

  private Result readResult(int[] resultOids) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    String tag = null;
    String sqlState = null;
    String constraint = null;
    while (true) {
      char type = (char) in.readByte();
      byte[] msg = new byte[in.readInt() - 4];
      in.readFully(msg);
      if (type == 'D') {
        rows.add(decodeRow(msg, resultOids));
      } else if (type == 'C') {
        tag = new String(msg, 0, msg.length - 1, StandardCharsets.UTF_8);
      } else if (type == 'I') {
        tag = "";
      } else if (type == 'E') {
        Map<Character, String> fields = fields(msg);
        if (sqlState == null) {
          sqlState = fields.get('C');
          constraint = fields.get('n');
        }
      } else if (type == 'Z') {
        return new Result(rows, tag, sqlState, constraint);
      }
    }
  }

  private static List<Object> decodeRow(byte[] msg, int[] oids) throws IOException {
    DataInputStream m = new DataInputStream(new ByteArrayInputStream(msg));
    int count = m.readShort();
    List<Object> row = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = m.readInt();
      if (length < 0) {
        row.add(null);
        continue;
      }
      byte[] value = m.readNBytes(length);
      int oid = oids == null || i >= oids.length ? 25 : oids[i];
      row.add(switch (oid) {
        case 20 -> ByteBuffer.wrap(value).getLong();
        case 23 -> (long) ByteBuffer.wrap(value).getInt();
        case 21 -> (long) ByteBuffer.wrap(value).getShort();
        case 16 -> value[0] != 0;
        case 17 -> value;
        default -> new String(value, StandardCharsets.UTF_8);
      });
    }
    return row;
  }

  private static boolean isBinary(int oid) {
    return oid == 16 || oid == 17 || oid == 20 || oid == 21 || oid == 23;
  }

  /** pgx refuses to encode a Go value against a type it cannot represent: so do we. */
  private static byte[] encode(int oid, Object value) {
    if (value == null) {
      return null;
    }
    return switch (oid) {
      case 20 -> ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array();
      case 23 -> ByteBuffer.allocate(4).putInt(((Number) value).intValue()).array();
      case 21 -> ByteBuffer.allocate(2).putShort(((Number) value).shortValue()).array();
      case 16 -> new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
      case 17 -> (byte[]) value;
      case 25, 1043, 19, 0 -> {
        if (!(value instanceof String text)) {
          throw new IllegalArgumentException("pgx cannot encode " + value.getClass().getSimpleName()
              + " for OID " + oid);
        }
        yield text.getBytes(StandardCharsets.UTF_8);
      }
      default -> throw new IllegalArgumentException("unexpected parameter OID " + oid);
    };
  }

  private static Map<Character, String> fields(byte[] msg) {
    Map<Character, String> fields = new HashMap<>();
    int i = 0;
    while (i < msg.length && msg[i] != 0) {
      char code = (char) msg[i++];
      int end = i;
      while (msg[end] != 0) {
        end++;
      }
      fields.put(code, new String(msg, i, end - i, StandardCharsets.UTF_8));
      i = end + 1;
    }
    return fields;
  }

  private static String readCString(DataInputStream m) throws IOException {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    int c;
    while ((c = m.read()) > 0) {
      s.write(c);
    }
    return s.toString(StandardCharsets.UTF_8);
  }

  private void send(char type, byte[] body) throws IOException {
    out.write(type);
    out.writeInt(body.length + 4);
    out.write(body);
  }

  private static void cstring(DataOutputStream b, String s) throws IOException {
    b.write(s.getBytes(StandardCharsets.UTF_8));
    b.write(0);
  }

  @Override
  public void close() throws IOException {
    out.write('X');
    out.writeInt(4);
    out.flush();
    socket.close();
  }
}
