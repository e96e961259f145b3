package io.kqlite.statemachine.store;

import io.kqlite.statemachine.LocalFunction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.Function;

/**
 * Runs an aggregate {@link LocalFunction} as an SQLite aggregate: collects its argument row by row
 * (SQLite sorts the rows first when the call has an ORDER BY) and hands the values to the body.
 * SQLite clones the registered instance for every group, so each group collects its own list.
 */
final class LocalAggregateAdapter extends Function.Aggregate {

  private final LocalFunction function;
  private List<Object> values = new ArrayList<>();

  LocalAggregateAdapter(LocalFunction function) {
    this.function = function;
  }

  @Override
  protected void xStep() throws SQLException {
    // SQLite's fundamental type codes: 1 integer, 2 float, 3 text, 4 blob, 5 null.
    values.add(switch (value_type(0)) {
      case 1 -> value_long(0);
      case 2 -> value_double(0);
      case 4 -> value_blob(0);
      case 5 -> null;
      default -> value_text(0);
    });
  }

  @Override
  protected void xFinal() throws SQLException {
    Object value = function.body().apply(values.toArray());
    // Numbers stay numbers: bool_and's 1 must compare and print as 1, not as the text '1'.
    if (value == null) {
      result();
    } else if (value instanceof Long number) {
      result(number);
    } else if (value instanceof Double number) {
      result(number);
    } else if (value instanceof byte[] blob) {
      result(blob);
    } else {
      result(value.toString());
    }
  }

  @Override
  public Object clone() throws CloneNotSupportedException {
    LocalAggregateAdapter copy = (LocalAggregateAdapter) super.clone(); // the driver's state too
    copy.values = new ArrayList<>();
    return copy;
  }
}
