package io.kqlite.statemachine;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several sessions' writes in one log entry. Each Raft entry costs the same whatever it carries
 * (a client call, a log append, an append to every follower, an apply), so writes that arrive
 * while earlier ones are still in flight travel together. Each command keeps its own result: a
 * failing command does not fail its neighbours.
 *
 * <pre>
 * entry: | byte 3 | int32 n | n × (int32 length | command in {@link EntryCodec} form) |
 * reply: | byte 3 | int32 n | n × (int32 length | result in {@link EntryCodec} form) |
 * </pre>
 *
 * Only {@link WriteCommand.Kind#EXECUTE} and {@link WriteCommand.Kind#TRANSACTION} may be batched:
 * a database created by an entry holds that entry's index as applied, so a later command of the
 * same entry would look like a replay; a dropped one takes its file away from its neighbours.
 */
public final class BatchCodec {

  static final byte VERSION_BATCH = 3;
  /** Bytes a batch adds to its commands: the header and one length per command. */
  public static final int HEADER_BYTES = 5;
  public static final int PER_COMMAND_BYTES = 4;

  private BatchCodec() {}

  /** True when the entry (or reply) is in batch form rather than a single command. */
  public static boolean isBatch(byte[] bytes) {
    return bytes.length > 0 && bytes[0] == VERSION_BATCH;
  }

  /** One entry from commands already encoded by {@link EntryCodec#encode(WriteCommand)}. */
  public static byte[] encode(List<byte[]> commands) {
    return join(commands);
  }

  /** The commands of an entry, batch or single; {@link IllegalArgumentException} if malformed. */
  public static List<WriteCommand> decode(byte[] entry) {
    if (!isBatch(entry)) {
      return List.of(EntryCodec.decodeCommand(entry));
    }
    List<WriteCommand> commands = new ArrayList<>();
    for (byte[] part : split(entry)) {
      WriteCommand command = EntryCodec.decodeCommand(part);
      if (command.kind() == WriteCommand.Kind.CREATE_DATABASE
          || command.kind() == WriteCommand.Kind.DROP_DATABASE) {
        throw new IllegalArgumentException("CREATE/DROP DATABASE cannot share an entry with other writes");
      }
      commands.add(command);
    }
    return commands;
  }

  public static byte[] encodeResults(List<WriteResult> results) {
    return join(results.stream().map(EntryCodec::encode).toList());
  }

  public static List<WriteResult> decodeResults(byte[] reply) {
    return split(reply).stream().map(EntryCodec::decodeResult).toList();
  }

  private static byte[] join(List<byte[]> parts) {
    int size = HEADER_BYTES + parts.stream().mapToInt(p -> PER_COMMAND_BYTES + p.length).sum();
    ByteBuffer buffer = ByteBuffer.allocate(size);
    buffer.put(VERSION_BATCH).putInt(parts.size());
    for (byte[] part : parts) {
      buffer.putInt(part.length).put(part);
    }
    return buffer.array();
  }

  private static List<byte[]> split(byte[] bytes) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      if (buffer.get() != VERSION_BATCH) {
        throw new IllegalArgumentException("not a batch");
      }
      int count = buffer.getInt();
      if (count < 1 || count > buffer.remaining() / PER_COMMAND_BYTES) {
        throw new IllegalArgumentException("bad batch size " + count);
      }
      List<byte[]> parts = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
          throw new IllegalArgumentException("bad command length " + length);
        }
        byte[] part = new byte[length];
        buffer.get(part);
        parts.add(part);
      }
      if (buffer.hasRemaining()) {
        throw new IllegalArgumentException(buffer.remaining() + " stray bytes after the batch");
      }
      return parts;
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated batch", e);
    }
  }
}
