package io.kqlite.statemachine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A write too large for one log entry, carried by several. Each part is an ordinary write that
 * stores a slice of the encoded command in table {@value #TABLE} of the target database; a last
 * {@link WriteCommand.Kind#ASSEMBLE} entry joins the slices, runs the command they spell, and
 * deletes them. Only that last entry changes what clients see, so the write is applied whole or
 * not at all, and identically on every replica: the slices are part of the database file, so a
 * snapshot taken between two parts carries them too.
 *
 * <p>Why not simply larger entries: every member, the witness included, keeps a zeroed write
 * buffer as large as the largest entry for its whole life, and a leader ships at most one
 * appender buffer per append.
 */
public final class CommandParts {

  /** Slices waiting for their assemble entry: (parts id, sequence number, time written, bytes). */
  public static final String TABLE = "kqlite_parts";
  public static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE
      + " (id INTEGER NOT NULL, seq INTEGER NOT NULL, written_micros INTEGER NOT NULL,"
      + " bytes BLOB NOT NULL, PRIMARY KEY (id, seq))";
  static final String INSERT = "INSERT INTO " + TABLE
      + " (id, seq, written_micros, bytes) VALUES (?1, ?2, ?3, ?4)";
  /** The assemble entry's only statement: a marker, its parameter is the parts id. */
  static final String ASSEMBLE = "-- assemble " + TABLE;
  /** Deletes a write's slices when it is given up before its assemble entry. */
  public static final String DISCARD = "DELETE FROM " + TABLE + " WHERE id = ?1";

  private CommandParts() {}

  /**
   * The entries that carry {@code encoded} (the {@link EntryCodec} form of {@code whole}) in slices
   * of at most {@code partBytes}: the part writes in order, then the assemble command.
   *
   * @param partsId names this write's slices; chosen at random by the submitting node
   */
  public static List<WriteCommand> split(WriteCommand whole, byte[] encoded, long partsId, int partBytes) {
    if (partBytes < 1) {
      throw new IllegalArgumentException("partBytes " + partBytes);
    }
    List<WriteCommand> commands = new ArrayList<>();
    for (int from = 0, seq = 0; from < encoded.length; from += partBytes, seq++) {
      byte[] slice = Arrays.copyOfRange(encoded, from, Math.min(encoded.length, from + partBytes));
      commands.add(new WriteCommand(WriteCommand.Kind.EXECUTE, whole.database(),
          List.of(Statement.of(INSERT, partsId, (long) seq, whole.timestampMicros(), slice)),
          whole.timestampMicros(), whole.randomSeed()));
    }
    commands.add(new WriteCommand(WriteCommand.Kind.ASSEMBLE, whole.database(),
        List.of(Statement.of(ASSEMBLE, partsId)), whole.timestampMicros(), whole.randomSeed()));
    return commands;
  }

  /** The parts id an assemble command names; {@link IllegalArgumentException} if it names none. */
  public static long partsId(WriteCommand assemble) {
    List<Statement> statements = assemble.statements();
    if (assemble.kind() != WriteCommand.Kind.ASSEMBLE || statements.size() != 1
        || !ASSEMBLE.equals(statements.get(0).sql()) || statements.get(0).parameters().size() != 1
        || !(statements.get(0).parameters().get(0) instanceof Long id)) {
      throw new IllegalArgumentException("not an assemble command");
    }
    return id;
  }
}
