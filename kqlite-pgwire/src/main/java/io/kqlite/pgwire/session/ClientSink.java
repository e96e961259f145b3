package io.kqlite.pgwire.session;

import io.kqlite.statemachine.SqlError;
import java.util.List;

/**
 * Where a session's answers go. The server turns each call into one protocol message; the session
 * never sees bytes. Calls come from one thread at a time, in protocol order.
 */
public interface ClientSink {

  void parseComplete();

  void bindComplete();

  void closeComplete();

  void noData();

  void parameterDescription(int[] typeOids);

  void rowDescription(List<ResultField> fields);

  /** One row; each value already encoded in the column's format, null for SQL NULL. */
  void dataRow(List<byte[]> values);

  void commandComplete(String tag);

  void emptyQuery();

  void portalSuspended();

  void error(SqlError error);

  /** A NoticeResponse of severity NOTICE (e.g. "does not exist, skipping"); the request goes on. */
  void notice(String sqlState, String message);

  /** A NoticeResponse of severity WARNING; the request goes on. */
  void warning(String sqlState, String message);

  void parameterStatus(String name, String value);

  /** Ends a request cycle: 'I' idle, 'T' in a transaction, 'E' in a failed transaction. */
  void readyForQuery(char transactionStatus);

  /** CopyInResponse (text or binary): the client may now send {@code columns} columns of COPY data. */
  void copyInResponse(int columns, boolean binary);

  /** CopyOutResponse (text or binary): CopyData messages of {@code columns} columns follow. */
  void copyOutResponse(int columns, boolean binary);

  void copyData(byte[] data);

  void copyDone();

  /** Sends what was written so far (the client asked with Flush, or is about to wait). */
  void flush();
}
