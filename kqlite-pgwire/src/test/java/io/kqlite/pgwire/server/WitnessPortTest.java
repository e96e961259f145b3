package io.kqlite.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A real socket against a real witness port: declines encryption, then refuses with 57P03. */
class WitnessPortTest {

  @Test
  void declinesSslThenRefusesTheStartupWithTheReason() throws IOException {
    try (WitnessPort port = WitnessPort.start("127.0.0.1", 0, () -> "node w is a witness");
        Socket socket = new Socket("127.0.0.1", port.port())) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());
      out.writeInt(8);
      out.writeInt(80877103); // SSLRequest
      assertEquals('N', in.readByte());

      byte[] parameters = "user\0alice\0database\0postgres\0\0".getBytes(StandardCharsets.UTF_8);
      out.writeInt(8 + parameters.length);
      out.writeInt(196608); // protocol 3.0
      out.write(parameters);

      assertEquals('E', in.readByte());
      byte[] fields = new byte[in.readInt() - 4];
      in.readFully(fields);
      String text = new String(fields, StandardCharsets.UTF_8);
      assertTrue(text.contains("SFATAL\0"), text);
      assertTrue(text.contains("C57P03\0"), text);
      assertTrue(text.contains("Mnode w is a witness\0"), text);
      assertEquals(-1, in.read(), "the connection is closed after the error");
    }
  }

  @Test
  void closesOnAnythingThatIsNotAStartupPacket() throws IOException {
    try (WitnessPort port = WitnessPort.start("127.0.0.1", 0, () -> "unused");
        Socket socket = new Socket("127.0.0.1", port.port())) {
      new DataOutputStream(socket.getOutputStream()).writeInt(Integer.MAX_VALUE);
      assertEquals(-1, socket.getInputStream().read());
    }
  }
}
