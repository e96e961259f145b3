package io.kqlite.pgwire.catalog;

import io.kqlite.statemachine.LocalFunction;
import io.kqlite.statemachine.ReadSetup;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's system catalog for kqlite, derived live from each replica's SQLite schema so psql's
 * describe commands and drivers' metadata calls work. Nothing is stored or replicated: each read
 * connection gets TEMP tables named like the catalog tables ({@code pg_class}, ...), created when
 * it opens and refilled whenever the schema changed, plus the catalog functions. The translator
 * strips {@code pg_catalog.} so queries find them.
 */
public final class Catalog {

  private Catalog() {
  }

  /**
   * How read connections are prepared: {@code sessionFunctions} plus the catalog; the value
   * functions user statements call go to every connection (see {@link CatalogFunctions#replicated}).
   */
  public static ReadSetup readSetup(List<LocalFunction> sessionFunctions) {
    List<LocalFunction> functions = new ArrayList<>(sessionFunctions);
    functions.addAll(CatalogFunctions.all());
    List<String> onOpen = new ArrayList<>();
    for (CatalogTable table : FixedTables.all()) {
      onOpen.add(table.createSql());
      onOpen.addAll(table.fillSql());
    }
    List<String> onSchemaChange = new ArrayList<>();
    List<CatalogTable> derived = new ArrayList<>(SchemaTables.all());
    derived.addAll(InformationSchema.all());
    for (CatalogTable table : derived) {
      onOpen.add(table.createSql());
      onSchemaChange.addAll(table.fillSql());
    }
    onOpen.addAll(SessionViews.createSql());
    onOpen.addAll(InformationSchema.createViewSql());
    return new ReadSetup(functions, onOpen, onSchemaChange, CatalogFunctions.replicated());
  }
}
