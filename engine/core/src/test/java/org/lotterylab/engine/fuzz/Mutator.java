package org.lotterylab.engine.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded mutations of a valid file. Binary mutations know the file's header length and its integer fields
 * (dimension counts, lengths), so they can set those to 0, 1, 2^31-1, 2^32-1 or one off; text mutations
 * damage lines, cells and numbers.
 */
final class Mutator {

    /** A 4-byte integer field of a binary header. */
    record IntField(int offset, boolean bigEndian) {
    }

    /** One mutated input and how it was made (shown when a case fails). */
    record Case(String how, byte[] bytes) {
    }

    /** What a binary format looks like to the mutator. */
    record Binary(int headerLength, List<IntField> fields, List<Integer> typeBytes) {
    }

    static final int[] SPECIAL = {0, 1, 2, Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 0x7fff_fff0, 65536};

    private Mutator() {
    }

    /** Case {@code i} of a binary file: the first cases truncate at every offset region, then random mutations. */
    static Case binary(byte[] valid, Binary format, int i, Random rng) {
        int n = valid.length;
        if (i == 0) {
            return new Case("empty file", new byte[0]);
        }
        if (i <= Math.min(64, n)) {
            int cut = i <= format.headerLength() + 2 ? i - 1 : (int) ((long) (i - 1) * n / Math.min(64, n));
            return new Case("truncated to " + cut + " bytes", Arrays.copyOf(valid, Math.min(cut, n - 1)));
        }
        int kind = rng.nextInt(11);
        byte[] b = valid.clone();
        switch (kind) {
            case 0 -> {
                int cut = rng.nextInt(n);
                return new Case("truncated to " + cut + " bytes", Arrays.copyOf(valid, cut));
            }
            case 1 -> {
                int at = rng.nextInt(Math.max(1, Math.min(n, format.headerLength())));
                int v = rng.nextInt(256);
                b[at] = (byte) v;
                return new Case("header byte " + at + " := " + v, b);
            }
            case 2, 3 -> {
                if (format.fields().isEmpty()) {
                    return flips(b, rng);
                }
                IntField f = format.fields().get(rng.nextInt(format.fields().size()));
                int old = readInt(b, f);
                int v = rng.nextBoolean() ? SPECIAL[rng.nextInt(SPECIAL.length)] : old + (rng.nextBoolean() ? 1 : -1);
                writeInt(b, f, v);
                return new Case("int field at " + f.offset() + " := " + Integer.toUnsignedString(v), b);
            }
            case 4 -> {
                if (format.typeBytes().isEmpty()) {
                    return flips(b, rng);
                }
                int at = format.typeBytes().get(rng.nextInt(format.typeBytes().size()));
                int v = rng.nextBoolean() ? rng.nextInt(256) : (b[at] & 0xff) + (rng.nextBoolean() ? 1 : -1);
                b[at] = (byte) v;
                return new Case("type/rank byte " + at + " := " + (v & 0xff), b);
            }
            case 5, 6 -> {
                return flips(b, rng);
            }
            case 7 -> {
                byte[] extra = new byte[1 + rng.nextInt(rng.nextBoolean() ? 8 : 4096)];
                rng.nextBytes(extra);
                return new Case("appended " + extra.length + " garbage bytes", concat(valid, extra));
            }
            case 8 -> {
                byte[] gz = gzip(valid);
                return gzipDamage(gz, rng);
            }
            case 9 -> {
                byte[] gz = gzip(mutateOnce(valid, format, rng));
                return new Case("gzip of a mutated file", gz);
            }
            default -> {
                int at = rng.nextInt(n);
                int len = 1 + rng.nextInt(Math.max(1, Math.min(64, n - at)));
                byte[] out = new byte[n - len];
                System.arraycopy(valid, 0, out, 0, at);
                System.arraycopy(valid, at + len, out, at, n - at - len);
                return new Case("deleted " + len + " bytes at " + at, out);
            }
        }
    }

    private static byte[] mutateOnce(byte[] valid, Binary format, Random rng) {
        byte[] b = valid.clone();
        if (!format.fields().isEmpty() && rng.nextBoolean()) {
            IntField f = format.fields().get(rng.nextInt(format.fields().size()));
            writeInt(b, f, SPECIAL[rng.nextInt(SPECIAL.length)]);
            return b;
        }
        return flips(b, rng).bytes();
    }

    private static Case flips(byte[] b, Random rng) {
        int count = 1 + rng.nextInt(8);
        StringBuilder how = new StringBuilder("bit flips at");
        for (int k = 0; k < count; k++) {
            int at = rng.nextInt(b.length);
            int bit = rng.nextInt(8);
            b[at] ^= (byte) (1 << bit);
            how.append(' ').append(at).append('.').append(bit);
        }
        return new Case(how.toString(), b);
    }

    /** Wrong gzip framing: truncated stream, damaged header, CRC or length trailer, gzip magic without gzip. */
    static Case gzipDamage(byte[] gz, Random rng) {
        byte[] b = gz.clone();
        switch (rng.nextInt(6)) {
            case 0 -> {
                int cut = 2 + rng.nextInt(gz.length - 2);
                return new Case("gzip truncated to " + cut + " bytes", Arrays.copyOf(gz, cut));
            }
            case 1 -> {
                int at = 2 + rng.nextInt(8);
                b[at] = (byte) rng.nextInt(256);
                return new Case("gzip header byte " + at + " damaged", b);
            }
            case 2 -> {
                int at = b.length - 1 - rng.nextInt(8);
                b[at] ^= (byte) (1 + rng.nextInt(255));
                return new Case("gzip trailer byte " + at + " damaged", b);
            }
            case 3 -> {
                byte[] junk = new byte[2 + rng.nextInt(100)];
                rng.nextBytes(junk);
                junk[0] = 0x1f;
                junk[1] = (byte) 0x8b;
                return new Case("gzip magic followed by " + (junk.length - 2) + " random bytes", junk);
            }
            case 4 -> {
                int at = 10 + rng.nextInt(Math.max(1, b.length - 18));
                b[at] ^= (byte) (1 << rng.nextInt(8));
                return new Case("bit flip in deflate data at " + at, b);
            }
            default -> {
                return new Case("gzip followed by garbage", concat(gz, new byte[] {1, 2, 3, 4, 5}));
            }
        }
    }

    /** Case {@code i} of a text file: empty, truncations, then line, cell and number damage. */
    static Case text(String valid, int i, Random rng) {
        byte[] raw = valid.getBytes(StandardCharsets.UTF_8);
        if (i == 0) {
            return new Case("empty file", new byte[0]);
        }
        if (i <= Math.min(48, raw.length)) {
            int cut = (int) ((long) (i - 1) * raw.length / Math.min(48, raw.length));
            return new Case("truncated to " + cut + " bytes", Arrays.copyOf(raw, cut));
        }
        String[] lines = valid.split("\n", -1);
        int kind = rng.nextInt(10);
        switch (kind) {
            case 0 -> {
                int cut = rng.nextInt(raw.length);
                return new Case("truncated to " + cut + " bytes", Arrays.copyOf(raw, cut));
            }
            case 1 -> {
                int l = rng.nextInt(lines.length);
                lines[l] = "";
                return new Case("line " + l + " emptied", join(lines));
            }
            case 2 -> {
                int l = rng.nextInt(lines.length);
                String[] out = new String[lines.length + 1];
                System.arraycopy(lines, 0, out, 0, l + 1);
                System.arraycopy(lines, l, out, l + 1, lines.length - l);
                return new Case("line " + l + " duplicated", join(out));
            }
            case 3, 4 -> {
                String v = TOKENS[rng.nextInt(TOKENS.length)];
                String t = replaceToken(valid, rng, v);
                return new Case("a token := '" + v + "'", t.getBytes(StandardCharsets.UTF_8));
            }
            case 5 -> {
                int at = rng.nextInt(raw.length + 1);
                String ins = TOKENS[rng.nextInt(TOKENS.length)];
                String t = valid.substring(0, Math.min(at, valid.length())) + ins
                        + valid.substring(Math.min(at, valid.length()));
                return new Case("inserted '" + ins + "'", t.getBytes(StandardCharsets.UTF_8));
            }
            case 6 -> {
                return flips(raw.clone(), rng);
            }
            case 7 -> {
                byte[] extra = new byte[1 + rng.nextInt(200)];
                rng.nextBytes(extra);
                return new Case("appended garbage", concat(raw, extra));
            }
            case 8 -> {
                return new Case("CRLF line ends and BOM", ("\uFEFF" + valid.replace("\n", "\r\n"))
                        .getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                int at = rng.nextInt(raw.length);
                byte[] b = raw.clone();
                b[at] = (byte) " ,\n\"{}[]:-.e0\r\t\\".charAt(rng.nextInt(16));
                return new Case("byte " + at + " := structural character", b);
            }
        }
    }

    /** Values a damaged cell or JSON token may take. */
    static final String[] TOKENS = {"", "-1", "0", "2147483647", "2147483648", "4294967295", "-2147483649",
        "9223372036854775808", "1e999999999", "-1e-999999999", "1e308", "1e309", "NaN", "nan", "inf", "-Infinity",
        "0x10", "1.5", "\"", "\\", "\\u", "\\ud800", ",", ",,", "\n", "{", "}", "[", "]", "null", "true", "[[[[[[[[",
        "{\"a\":", "\u0000", "é", "1d", "1f", "  ", "ticket", "edge-popup", "round-99"};

    private static String replaceToken(String text, Random rng, String v) {
        // a token is a maximal run of characters other than , \n : { } [ ] and quotes
        int tries = 0;
        while (tries++ < 20) {
            int at = rng.nextInt(Math.max(1, text.length()));
            int s = at;
            while (s > 0 && !isSep(text.charAt(s - 1))) {
                s--;
            }
            int e = at;
            while (e < text.length() && !isSep(text.charAt(e))) {
                e++;
            }
            if (e > s) {
                return text.substring(0, s) + v + text.substring(e);
            }
        }
        return text + v;
    }

    private static boolean isSep(char c) {
        return ",\n:{}[]\"".indexOf(c) >= 0;
    }

    private static byte[] join(String[] lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int readInt(byte[] b, IntField f) {
        int o = f.offset();
        if (o + 4 > b.length) {
            return 0;
        }
        return f.bigEndian()
                ? (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff)
                : (b[o + 3] & 0xff) << 24 | (b[o + 2] & 0xff) << 16 | (b[o + 1] & 0xff) << 8 | (b[o] & 0xff);
    }

    private static void writeInt(byte[] b, IntField f, int v) {
        int o = f.offset();
        if (o + 4 > b.length) {
            return;
        }
        for (int k = 0; k < 4; k++) {
            int shift = f.bigEndian() ? 24 - 8 * k : 8 * k;
            b[o + k] = (byte) (v >>> shift);
        }
    }
}
