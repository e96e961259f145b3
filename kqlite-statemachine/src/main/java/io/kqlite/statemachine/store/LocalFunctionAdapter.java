package io.kqlite.statemachine.store;

import io.kqlite.statemachine.LocalFunction;
import java.sql.SQLException;
import org.sqlite.Function;

/** Runs a {@link LocalFunction} as an SQLite application-defined function. */
final class LocalFunctionAdapter extends Function {

  private final LocalFunction function;

  LocalFunctionAdapter(LocalFunction function) {
    this.function = function;
  }

  @Override
  protected void xFunc() throws SQLException {
    Object[] arguments = new Object[args()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = argument(i);
    }
    Object value = function.body().apply(arguments);
    if (value == null) {
      result();
    } else if (value instanceof Long number) {
      result(number);
    } else if (value instanceof Integer number) {
      result(number);
    } else if (value instanceof Double number) {
      result(number);
    } else if (value instanceof byte[] blob) {
      result(blob);
    } else {
      result(value.toString());
    }
  }

  private Object argument(int i) throws SQLException {
    // SQLite's fundamental type codes: 1 integer, 2 float, 3 text, 4 blob, 5 null.
    return switch (value_type(i)) {
      case 1 -> value_long(i);
      case 2 -> value_double(i);
      case 4 -> value_blob(i);
      case 5 -> null;
      default -> value_text(i);
    };
  }
}
