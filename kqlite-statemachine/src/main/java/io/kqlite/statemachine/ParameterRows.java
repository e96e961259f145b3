package io.kqlite.statemachine;

import java.util.Arrays;
import java.util.List;

/**
 * Many rows of parameter values for one statement, stored flat ({@code width} values per row).
 *
 * <p>A bulk load (COPY) is one SQL text bound to hundreds of thousands of rows; repeating the SQL
 * per row would fill the log entry with copies of it, and a list per row would cost the heap
 * more than the values themselves. Values follow {@link Statement}'s rules.
 */
public final class ParameterRows {

  private final int width;
  private final Object[] values;

  private ParameterRows(int width, Object[] values) {
    if (width < 0 || (width == 0 ? values.length != 0 : values.length % width != 0)) {
      throw new IllegalArgumentException(values.length + " values do not make rows of " + width);
    }
    this.width = width;
    this.values = values;
  }

  /** Rows of {@code width} values each; the array is taken over, not copied. */
  public static ParameterRows of(int width, Object[] values) {
    return new ParameterRows(width, values);
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive), copied. */
  public ParameterRows slice(int from, int to) {
    return new ParameterRows(width, java.util.Arrays.copyOfRange(values, from * width, to * width));
  }

  /** Rows from lists of equal length. */
  public static ParameterRows of(List<List<Object>> rows) {
    int width = rows.isEmpty() ? 0 : rows.get(0).size();
    Object[] values = new Object[rows.size() * width];
    int at = 0;
    for (List<Object> row : rows) {
      if (row.size() != width) {
        throw new IllegalArgumentException("rows of different lengths");
      }
      for (Object value : row) {
        values[at++] = value;
      }
    }
    return new ParameterRows(width, values);
  }

  public int width() {
    return width;
  }

  public int size() {
    return width == 0 ? 0 : values.length / width;
  }

  /** Value {@code column} of row {@code row}, both from 0. */
  public Object get(int row, int column) {
    return values[row * width + column];
  }

  /** Row {@code row} as a list (a copy). */
  public List<Object> row(int row) {
    return Arrays.asList(Arrays.copyOfRange(values, row * width, row * width + width));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParameterRows that && width == that.width
        && Arrays.deepEquals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * width + Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return "ParameterRows[" + size() + " × " + width + "]";
  }
}
