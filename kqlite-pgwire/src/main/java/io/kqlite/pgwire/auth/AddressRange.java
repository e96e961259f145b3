package io.kqlite.pgwire.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP network from pg_hba.conf: {@code 10.0.0.0/8}, {@code ::1/128}, or an address with a
 * separate mask. Only numeric addresses: kqlite resolves no host names at login.
 */
record AddressRange(byte[] network, int prefixLength) {

  /** {@code ADDRESS/CIDR}, or a bare address (a single host). */
  static AddressRange parse(String text) {
    int slash = text.indexOf('/');
    byte[] address = numeric(slash < 0 ? text : text.substring(0, slash));
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("invalid CIDR mask in address \"" + text + "\"");
      }
    }
    return new AddressRange(masked(address, prefix), prefix);
  }

  /** {@code ADDRESS MASK}, the older two-column form: the mask must be contiguous. */
  static AddressRange parse(String address, String mask) {
    byte[] bytes = numeric(address);
    byte[] maskBytes = numeric(mask);
    if (maskBytes.length != bytes.length) {
      throw new IllegalArgumentException("IP address and mask do not match: " + address + " " + mask);
    }
    int prefix = 0;
    while (prefix < maskBytes.length * 8 && bit(maskBytes, prefix)) {
      prefix++;
    }
    for (int i = prefix; i < maskBytes.length * 8; i++) {
      if (bit(maskBytes, i)) {
        throw new IllegalArgumentException("invalid IP mask \"" + mask + "\"");
      }
    }
    return new AddressRange(masked(bytes, prefix), prefix);
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    return java.util.Arrays.equals(masked(bytes, prefixLength), network);
  }

  static boolean looksNumeric(String text) {
    return !text.isEmpty() && (text.indexOf(':') >= 0 || Character.isDigit(text.charAt(0)));
  }

  private static byte[] numeric(String text) {
    if (!looksNumeric(text) || !text.matches("[0-9A-Fa-f:.]+(%\\w+)?")) {
      throw new IllegalArgumentException("invalid IP address \"" + text + "\" (host names are not supported)");
    }
    try {
      return InetAddress.getByName(text).getAddress(); // numeric text: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("invalid IP address \"" + text + "\"");
    }
  }

  private static boolean bit(byte[] bytes, int index) {
    return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
  }

  private static byte[] masked(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length * 8; i++) {
      if (i >= prefix) {
        out[i / 8] &= (byte) ~(0x80 >>> (i % 8));
      }
    }
    return out;
  }
}
