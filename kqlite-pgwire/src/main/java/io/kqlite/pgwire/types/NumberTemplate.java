package io.kqlite.pgwire.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * PostgreSQL's {@code to_char(number, template)}: {@code 9} a digit (blank while leading),
 * {@code 0} a digit kept, {@code .}/{@code D} the point, {@code ,}/{@code G} a group separator,
 * {@code S}, {@code MI}, {@code PL}, {@code SG}, {@code PR} the sign, {@code FM} no padding,
 * {@code EEEE} scientific, {@code TH}/{@code th} an ordinal suffix. Digits that do not fit print as
 * {@code #}, as in PostgreSQL. Locale symbols are the C locale's.
 */
public final class NumberTemplate {

  private NumberTemplate() {}

  public static String format(BigDecimal value, String template) {
    boolean fill = template.startsWith("FM");
    String t = fill ? template.substring(2) : template;
    String upper = t.toUpperCase(Locale.ROOT);
    String ordinal = t.endsWith("TH") ? "TH" : t.endsWith("th") ? "th" : null;
    if (ordinal != null) {
      t = t.substring(0, t.length() - 2);
      upper = upper.substring(0, upper.length() - 2);
    }
    boolean negative = value.signum() < 0;
    if (upper.contains("EEEE")) {
      return scientific(value, t.substring(0, upper.indexOf("EEEE")), negative, fill);
    }
    int point = indexOfPoint(upper);
    String integerPart = point < 0 ? upper : upper.substring(0, point);
    String fractionPart = point < 0 ? "" : upper.substring(point + 1);
    int fractionDigits = countDigits(fractionPart);
    BigDecimal abs = value.abs().setScale(fractionDigits, RoundingMode.HALF_UP);
    String digits = abs.toBigInteger().toString();
    if (digits.equals("0")) {
      digits = point < 0 ? "0" : ""; // 0.5 with 9.99 prints ' .50', 0 with 9 prints ' 0'
    }
    String fraction = fractionDigits == 0 ? "" : abs.toPlainString().substring(abs.toPlainString().indexOf('.') + 1);
    boolean overflow = digits.length() > countDigits(integerPart);

    StringBuilder whole = new StringBuilder();
    int digitsLeft = countDigits(integerPart);
    boolean started = false;
    for (int i = 0; i < integerPart.length(); i++) {
      char c = integerPart.charAt(i);
      if (c == '9' || c == '0') {
        int index = digits.length() - digitsLeft--;
        if (overflow) {
          whole.append('#');
        } else if (index >= 0) {
          whole.append(digits.charAt(index));
          started = true;
        } else if (c == '0' || started) {
          whole.append('0');
          started = true;
        } else {
          whole.append(' ');
        }
      } else if (c == ',' || c == 'G') {
        whole.append(started ? "," : " ");
      } else if (!isSignWord(upper, i)) {
        whole.append(integerPart.charAt(i) == 'L' ? ' ' : t.charAt(i));
      }
    }
    StringBuilder out = new StringBuilder(whole);
    int leading = 0;
    while (leading < out.length() && out.charAt(leading) == ' ') {
      leading++;
    }
    boolean explicit = upper.contains("S") || upper.contains("MI") || upper.contains("PR") || upper.contains("SG");
    if (upper.startsWith("S") || upper.startsWith("SG")) {
      out.insert(leading, negative ? '-' : '+');
    } else if (upper.contains("PR")) {
      out.insert(leading, negative ? '<' : ' ');
    } else if (!explicit) {
      out.insert(leading, negative ? '-' : ' ');
    }
    if (point >= 0) {
      out.append('.');
      StringBuilder tail = new StringBuilder();
      int f = 0;
      for (int i = 0; i < fractionPart.length(); i++) {
        char c = fractionPart.charAt(i);
        if (c == '9' || c == '0') {
          tail.append(overflow ? '#' : fraction.charAt(f++));
        }
      }
      if (fill && !overflow) {
        int keep = tail.length();
        int lastZeroDigit = fractionPart.lastIndexOf('0');
        int minimum = lastZeroDigit < 0 ? 0 : countDigits(fractionPart.substring(0, lastZeroDigit + 1));
        while (keep > minimum && tail.charAt(keep - 1) == '0') {
          keep--;
        }
        tail.setLength(keep);
      }
      out.append(tail);
    }
    String end = upper.substring(point < 0 ? 0 : point);
    if (upper.endsWith("MI")) {
      out.append(negative ? '-' : ' ');
    } else if (upper.endsWith("PL")) {
      out.append(negative ? ' ' : '+');
    } else if (upper.endsWith("SG")) {
      out.append(negative ? '-' : '+');
    } else if (upper.endsWith("PR")) {
      out.append(negative ? '>' : ' ');
    } else if (upper.endsWith("S") && !upper.startsWith("S") && !end.isEmpty()) {
      out.append(negative ? '-' : '+');
    }
    String text = fill ? out.toString().strip() : out.toString();
    if (ordinal != null && !negative) {
      String suffix = DateTimeTemplate.ordinal(abs.toBigInteger().longValue());
      text += ordinal.equals("TH") ? suffix.toUpperCase(Locale.ROOT) : suffix;
    }
    return text;
  }

  private static String scientific(BigDecimal value, String mantissa, boolean negative, boolean fill) {
    int point = indexOfPoint(mantissa.toUpperCase(Locale.ROOT));
    int fractionDigits = point < 0 ? 0 : countDigits(mantissa.substring(point + 1));
    String text = String.format(Locale.ROOT, "%." + fractionDigits + "e", value.abs());
    text = (negative ? "-" : " ") + text;
    return fill ? text.strip() : text;
  }

  private static boolean isSignWord(String upper, int i) {
    return upper.startsWith("S", i) || upper.startsWith("MI", i) || upper.startsWith("I", i) && i > 0 && upper.charAt(i - 1) == 'M'
        || upper.startsWith("PL", i) || upper.startsWith("L", i) && i > 0 && upper.charAt(i - 1) == 'P'
        || upper.startsWith("PR", i) || upper.startsWith("R", i) && i > 0 && upper.charAt(i - 1) == 'P'
        || upper.startsWith("G", i) && i > 0 && upper.charAt(i - 1) == 'S';
  }

  private static int indexOfPoint(String upper) {
    int dot = upper.indexOf('.');
    return dot >= 0 ? dot : upper.indexOf('D');
  }

  private static int countDigits(String part) {
    int n = 0;
    for (char c : part.toCharArray()) {
      if (c == '9' || c == '0') {
        n++;
      }
    }
    return n;
  }
}
