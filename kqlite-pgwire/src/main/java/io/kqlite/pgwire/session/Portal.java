package io.kqlite.pgwire.session;

import io.kqlite.statemachine.StatementResult;
import java.util.List;

/**
 * A bound statement ready to run. A query's rows are computed once (at Describe or at the first
 * Execute) and then handed out in pieces when the client asks for a row limit.
 */
final class Portal {

  final String name;
  final PreparedQuery query;
  final List<Object> parameters;
  final short[] resultFormats;
  StatementResult result;
  List<ResultField> fields;
  int rowsSent;

  Portal(String name, PreparedQuery query, List<Object> parameters, short[] resultFormats) {
    this.name = name;
    this.query = query;
    this.parameters = parameters;
    this.resultFormats = resultFormats;
  }

  /** Format of result column {@code i}: none given = text, one = for all, else per column. */
  short formatOf(int column) {
    if (resultFormats.length == 0) {
      return 0;
    }
    return resultFormats.length == 1 ? resultFormats[0] : resultFormats[column];
  }
}
