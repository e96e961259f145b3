package io.kqlite.pgwire.server;

import io.kqlite.pgwire.codec.BackendBatch;
import io.kqlite.pgwire.codec.BackendMessage;
import io.kqlite.pgwire.codec.BindComplete;
import io.kqlite.pgwire.codec.CloseComplete;
import io.kqlite.pgwire.codec.CommandComplete;
import io.kqlite.pgwire.codec.CopyData;
import io.kqlite.pgwire.codec.CopyDone;
import io.kqlite.pgwire.codec.CopyInResponse;
import io.kqlite.pgwire.codec.CopyOutResponse;
import io.kqlite.pgwire.codec.DataRow;
import io.kqlite.pgwire.codec.EmptyQueryResponse;
import io.kqlite.pgwire.codec.ErrorResponse;
import io.kqlite.pgwire.codec.FieldDescription;
import io.kqlite.pgwire.codec.NoData;
import io.kqlite.pgwire.codec.NoticeResponse;
import io.kqlite.pgwire.codec.ParameterDescription;
import io.kqlite.pgwire.codec.ParameterStatus;
import io.kqlite.pgwire.codec.ParseComplete;
import io.kqlite.pgwire.codec.PortalSuspended;
import io.kqlite.pgwire.codec.ReadyForQuery;
import io.kqlite.pgwire.codec.RowDescription;
import io.kqlite.pgwire.session.ClientSink;
import io.kqlite.pgwire.session.ResultField;
import io.kqlite.statemachine.SqlError;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a session's answers into protocol messages on the connection. Messages wait here until
 * the session flushes (ReadyForQuery, Flush) or a few dozen have gathered, then go to the event
 * loop as one {@link BackendBatch}: one hand-over between threads per answer instead of one per
 * message. Used from the session's thread only.
 */
final class WireSink implements ClientSink {

  /** A long result goes out in runs of this many messages, not all at its end. */
  static final int MAX_PENDING = 64;

  private final Channel channel;
  private final List<BackendMessage> pending = new ArrayList<>();

  WireSink(Channel channel) {
    this.channel = channel;
  }

  static ErrorResponse toErrorResponse(String severity, SqlError error) {
    ErrorResponse response = ErrorResponse.of(severity, error.sqlState(), error.message());
    if (error.table() != null) {
      response = response.withSchema("public").withTable(error.table());
    }
    return response.withConstraint(error.constraint());
  }

  @Override
  public void parseComplete() {
    send(new ParseComplete());
  }

  @Override
  public void bindComplete() {
    send(new BindComplete());
  }

  @Override
  public void closeComplete() {
    send(new CloseComplete());
  }

  @Override
  public void noData() {
    send(new NoData());
  }

  @Override
  public void parameterDescription(int[] typeOids) {
    send(new ParameterDescription(typeOids));
  }

  @Override
  public void rowDescription(List<ResultField> fields) {
    List<FieldDescription> described = new ArrayList<>(fields.size());
    for (ResultField field : fields) {
      described.add(new FieldDescription(field.name(), 0, (short) 0, field.type().oid(),
          (short) field.type().size(), -1, field.format()));
    }
    send(new RowDescription(described));
  }

  @Override
  public void dataRow(List<byte[]> values) {
    send(new DataRow(values));
  }

  @Override
  public void commandComplete(String tag) {
    send(new CommandComplete(tag));
  }

  @Override
  public void emptyQuery() {
    send(new EmptyQueryResponse());
  }

  @Override
  public void portalSuspended() {
    send(new PortalSuspended());
  }

  @Override
  public void error(SqlError error) {
    send(toErrorResponse("ERROR", error));
  }

  @Override
  public void warning(String sqlState, String message) {
    send(NoticeResponse.of("WARNING", sqlState, message));
  }

  @Override
  public void notice(String sqlState, String message) {
    send(NoticeResponse.of("NOTICE", sqlState, message));
  }

  @Override
  public void parameterStatus(String name, String value) {
    send(new ParameterStatus(name, value));
  }

  @Override
  public void readyForQuery(char transactionStatus) {
    send(new ReadyForQuery(transactionStatus));
    writePending(true);
  }

  @Override
  public void copyInResponse(int columns, boolean binary) {
    short[] formats = new short[columns];
    java.util.Arrays.fill(formats, (short) (binary ? 1 : 0));
    send(new CopyInResponse((byte) (binary ? 1 : 0), formats));
  }

  @Override
  public void copyOutResponse(int columns, boolean binary) {
    short[] formats = new short[columns];
    java.util.Arrays.fill(formats, (short) (binary ? 1 : 0));
    send(new CopyOutResponse((byte) (binary ? 1 : 0), formats));
  }

  @Override
  public void copyData(byte[] data) {
    send(new CopyData(data));
  }

  @Override
  public void copyDone() {
    send(new CopyDone());
  }

  @Override
  public void flush() {
    writePending(true);
  }

  private void send(BackendMessage message) {
    pending.add(message);
    if (pending.size() >= MAX_PENDING) {
      writePending(false);
    }
  }

  private void writePending(boolean flush) {
    if (!pending.isEmpty()) {
      BackendMessage out = pending.size() == 1 ? pending.get(0) : new BackendBatch(pending);
      pending.clear();
      channel.write(out);
    }
    if (flush) {
      channel.flush();
    }
  }
}
