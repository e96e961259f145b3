package io.kqlite.statemachine.store;

import io.kqlite.statemachine.CommandParts;
import io.kqlite.statemachine.EntryCodec;
import io.kqlite.statemachine.SqlError;
import io.kqlite.statemachine.WriteCommand;
import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The apply side of {@link CommandParts}: turns an assemble command back into the write its parts
 * spell, and deletes the parts, in the entry's transaction. Every replica reads the same rows, so
 * every replica runs the same write or records the same failure.
 */
final class StoredParts {

  /**
   * Parts whose assemble entry never came (the submitting node died between parts) are deleted by
   * the next assemble entry once they are this old, by the log's clock, not the replica's.
   */
  static final long ABANDONED_AFTER_MICROS = TimeUnit.HOURS.toMicros(1);

  /** The write an assemble command stands for, or why there is none. */
  record Assembled(WriteCommand command, SqlError error) {}

  private StoredParts() {}

  /**
   * Reads and deletes the parts {@code assemble} names, and decodes them. A statement cache on the
   * writer prepares the queries; the caller runs the result in its own savepoint, so a failing
   * write does not bring its parts back.
   */
  static Assembled take(StatementCache statements, WriteCommand assemble) throws SQLException {
    long id;
    try {
      id = CommandParts.partsId(assemble);
    } catch (IllegalArgumentException e) {
      return failure(e.getMessage());
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    long expectedSeq = 0;
    PreparedStatement select =
        statements.prepare("SELECT seq, bytes FROM " + CommandParts.TABLE + " WHERE id = ?1 ORDER BY seq");
    select.setLong(1, id);
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        if (rows.getLong(1) != expectedSeq++) {
          expectedSeq = -1;
          break;
        }
        joined.writeBytes(rows.getBytes(2));
      }
    }
    PreparedStatement discard = statements.prepare(CommandParts.DISCARD);
    discard.setLong(1, id);
    discard.executeUpdate();
    PreparedStatement abandoned = statements.prepare(
        "DELETE FROM " + CommandParts.TABLE + " WHERE written_micros < ?1");
    abandoned.setLong(1, assemble.timestampMicros() - ABANDONED_AFTER_MICROS);
    abandoned.executeUpdate();
    if (expectedSeq <= 0) {
      return failure("the parts of a large write are missing");
    }
    WriteCommand whole;
    try {
      whole = EntryCodec.decodeCommand(joined.toByteArray());
    } catch (IllegalArgumentException e) {
      return failure(e.getMessage());
    }
    boolean plainWrite = whole.kind() == WriteCommand.Kind.EXECUTE
        || whole.kind() == WriteCommand.Kind.TRANSACTION;
    if (!plainWrite || !whole.database().equals(assemble.database())) {
      return failure("the parts of a large write spell a " + whole.kind() + " of database "
          + whole.database());
    }
    return new Assembled(whole, null);
  }

  private static Assembled failure(String why) {
    return new Assembled(null, new SqlError("XX000", why));
  }
}
