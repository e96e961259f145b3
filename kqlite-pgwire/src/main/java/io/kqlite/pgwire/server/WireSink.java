package io.kqlite.pgwire.server;

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

/** Turns a session's answers into protocol messages on the connection. */
final class WireSink implements ClientSink {

  private final Channel channel;

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
    channel.write(new ParseComplete());
  }

  @Override
  public void bindComplete() {
    channel.write(new BindComplete());
  }

  @Override
  public void closeComplete() {
    channel.write(new CloseComplete());
  }

  @Override
  public void noData() {
    channel.write(new NoData());
  }

  @Override
  public void parameterDescription(int[] typeOids) {
    channel.write(new ParameterDescription(typeOids));
  }

  @Override
  public void rowDescription(List<ResultField> fields) {
    List<FieldDescription> described = new ArrayList<>(fields.size());
    for (ResultField field : fields) {
      described.add(new FieldDescription(field.name(), 0, (short) 0, field.type().oid(),
          (short) field.type().size(), -1, field.format()));
    }
    channel.write(new RowDescription(described));
  }

  @Override
  public void dataRow(List<byte[]> values) {
    channel.write(new DataRow(values));
  }

  @Override
  public void commandComplete(String tag) {
    channel.write(new CommandComplete(tag));
  }

  @Override
  public void emptyQuery() {
    channel.write(new EmptyQueryResponse());
  }

  @Override
  public void portalSuspended() {
    channel.write(new PortalSuspended());
  }

  @Override
  public void error(SqlError error) {
    channel.write(toErrorResponse("ERROR", error));
  }

  @Override
  public void warning(String sqlState, String message) {
    channel.write(NoticeResponse.of("WARNING", sqlState, message));
  }

  @Override
  public void notice(String sqlState, String message) {
    channel.write(NoticeResponse.of("NOTICE", sqlState, message));
  }

  @Override
  public void parameterStatus(String name, String value) {
    channel.write(new ParameterStatus(name, value));
  }

  @Override
  public void readyForQuery(char transactionStatus) {
    channel.writeAndFlush(new ReadyForQuery(transactionStatus));
  }

  @Override
  public void copyInResponse(int columns, boolean binary) {
    short[] formats = new short[columns];
    java.util.Arrays.fill(formats, (short) (binary ? 1 : 0));
    channel.write(new CopyInResponse((byte) (binary ? 1 : 0), formats));
  }

  @Override
  public void copyOutResponse(int columns, boolean binary) {
    short[] formats = new short[columns];
    java.util.Arrays.fill(formats, (short) (binary ? 1 : 0));
    channel.write(new CopyOutResponse((byte) (binary ? 1 : 0), formats));
  }

  @Override
  public void copyData(byte[] data) {
    channel.write(new CopyData(data));
  }

  @Override
  public void copyDone() {
    channel.write(new CopyDone());
  }

  @Override
  public void flush() {
    channel.flush();
  }
}
