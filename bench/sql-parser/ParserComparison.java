import io.kqlite.pgwire.sql.PgToSqlite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * Why kqlite translates with its own lexer and rewriters rather than JSqlParser: over the
 * statements real clients send (kqlite-pgwire's client-statements corpus), counts what each
 * accepts and times both on the statements both accept. JSqlParser's time is parsing alone;
 * kqlite's is its whole PostgreSQL-to-SQLite translation.
 *
 * <p>Usage: ParserComparison CORPUS_DIR [rounds]
 */
public final class ParserComparison {

  private interface Translator {
    void run(String sql) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    ExecutorService parserThread = Executors.newSingleThreadExecutor(); // parse(String) makes one per call
    Translator jsqlparser = sql -> {
      if (CCJSqlParserUtil.parse(sql, parserThread, parser -> { }) instanceof UnsupportedStatement) {
        throw new IllegalArgumentException("unsupported statement");
      }
    };
    Translator kqlite = PgToSqlite::translate;
    List<String> both = new ArrayList<>();
    int total = 0;
    int jsqlOk = 0;
    int kqOk = 0;
    try (var files = Files.list(Path.of(args[0]))) {
      for (Path file : files.sorted().toList()) {
        int fileTotal = 0;
        int fileJsql = 0;
        int fileKq = 0;
        for (String sql : statements(file)) {
          boolean j = accepts(jsqlparser, sql);
          boolean k = accepts(kqlite, sql);
          fileTotal++;
          fileJsql += j ? 1 : 0;
          fileKq += k ? 1 : 0;
          if (j && k) {
            both.add(sql);
          } else if (!j) {
            System.out.println("  JSqlParser rejects (" + file.getFileName() + "): " + firstLine(sql));
          }
        }
        System.out.printf("%-16s statements %3d  JSqlParser accepts %3d  kqlite translates %3d%n",
            file.getFileName(), fileTotal, fileJsql, fileKq);
        total += fileTotal;
        jsqlOk += fileJsql;
        kqOk += fileKq;
      }
    }
    System.out.printf("%-16s statements %3d  JSqlParser accepts %3d  kqlite translates %3d%n",
        "all", total, jsqlOk, kqOk);
    time(jsqlparser, both, rounds / 4); // warm-up
    time(kqlite, both, rounds / 4);
    double j = time(jsqlparser, both, rounds);
    double k = time(kqlite, both, rounds);
    System.out.printf("µs per statement over the %d both accept: JSqlParser parse %.1f, kqlite translate %.1f"
        + " (JSqlParser / kqlite = %.1f)%n", both.size(), j, k, j / k);
    parserThread.shutdown();
  }

  private static List<String> statements(Path file) throws Exception {
    List<String> parts = new ArrayList<>(List.of(
        Files.readString(file, StandardCharsets.UTF_8).split("\n-- @@@@\n", -1)));
    parts.remove(0); // header
    return parts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean accepts(Translator translator, String sql) {
    try {
      translator.run(sql);
      return true;
    } catch (Exception | StackOverflowError e) {
      return false;
    }
  }

  private static double time(Translator translator, List<String> statements, int rounds) throws Exception {
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (String sql : statements) {
        translator.run(sql);
      }
    }
    return (System.nanoTime() - start) / 1000.0 / rounds / statements.size();
  }

  private static String firstLine(String sql) {
    String line = sql.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).findFirst().orElse(sql);
    return line.length() > 100 ? line.substring(0, 100) + "…" : line;
  }
}
