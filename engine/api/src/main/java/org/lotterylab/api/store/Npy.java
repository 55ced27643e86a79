package org.lotterylab.api.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes single arrays in the NumPy {@code .npy} format.
 *
 * <p>Writing produces format version 1.0 with the header
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (300, 784), }}, padded with spaces and ended by
 * {@code \n} so that magic, version, length field and header together are a multiple of 64 bytes (no
 * padding is added when already aligned). Data follow in C order, little-endian.
 *
 * <p>Reading accepts what numpy writes: format versions 1.0, 2.0 and 3.0, the dtypes of {@link NpyDtype}
 * ({@code <f4 <f8 <i4 <i8 |u1 |b1}), any shape including {@code ()}; it rejects Fortran order, big-endian
 * data, bad magic, malformed headers and truncated data with messages that name the source.
 */
public final class Npy {

    /** The 6-byte magic string at the start of every {@code .npy} file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int CHUNK = 1 << 16;
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int FIRST_ELEMENTS = 1 << 18;

    private Npy() {
    }

    // ------------------------------------------------------------------------------------------ writing

    /** The Python repr of a shape: {@code ()}, {@code (5,)}, {@code (300, 784)}. */
    public static String shapeRepr(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** The complete header (magic, version, length, padded dict) for an array of {@code dtype} and {@code shape}. */
    public static byte[] header(NpyDtype dtype, int[] shape) {
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + shapeRepr(shape) + ", }";
        int prefix = 10;
        int major = 1;
        if (dict.length() + 1 + ALIGN > 0xffff) {
            prefix = 12;
            major = 2;
        }
        int unpadded = prefix + dict.length() + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        int hlen = dict.length() + pad + 1;
        ByteBuffer b = ByteBuffer.allocate(prefix + hlen).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) hlen);
        } else {
            b.putInt(hlen);
        }
        b.put(dict.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < pad; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    /** Writes {@code array} (header and data) to {@code out}; does not close it. */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(header(array.dtype(), array.shape()));
        Object data = array.rawData();
        int n = array.size();
        int item = array.dtype().itemSize();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.max(item, Math.min(CHUNK, (long) n * item))).order(ByteOrder.LITTLE_ENDIAN);
        int per = buf.capacity() / item;
        for (int start = 0; start < n; start += per) {
            int len = Math.min(per, n - start);
            buf.clear();
            switch (array.dtype()) {
                case FLOAT32 -> buf.asFloatBuffer().put((float[]) data, start, len);
                case FLOAT64 -> buf.asDoubleBuffer().put((double[]) data, start, len);
                case INT32 -> buf.asIntBuffer().put((int[]) data, start, len);
                case INT64 -> buf.asLongBuffer().put((long[]) data, start, len);
                case UINT8 -> buf.put((byte[]) data, start, len);
                case BOOL -> {
                    boolean[] b = (boolean[]) data;
                    for (int i = 0; i < len; i++) {
                        buf.put(i, b[start + i] ? (byte) 1 : (byte) 0);
                    }
                }
            }
            out.write(buf.array(), 0, len * item);
        }
    }

    /** The complete {@code .npy} bytes of {@code array}. */
    public static byte[] toBytes(NpyArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, array);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Atomically writes {@code array} to the file {@code target} (see {@link AtomicFiles}). */
    public static void write(Path target, NpyArray array) throws IOException {
        AtomicFiles.write(target, out -> write(out, array));
    }

    // ------------------------------------------------------------------------------------------ reading

    /** Reads a {@code .npy} file; the array is named after the file (without {@code .npy}). */
    public static NpyArray read(Path file) throws IOException {
        String fn = file.getFileName().toString();
        String name = fn.endsWith(".npy") ? fn.substring(0, fn.length() - 4) : fn;
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, file.toString());
        }
    }

    /**
     * Reads one array from {@code in} (which is left just after the array's data).
     *
     * @param name   the name to give the array
     * @param source how to name the origin in error messages (a file, or "file.npz entry x.npy")
     * @throws IOException on bad magic, an unsupported or malformed header, or truncated data
     */
    public static NpyArray read(InputStream in, String name, String source) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8) {
            throw new IOException(source + ": not a .npy array: only " + magic.length + " bytes, truncated before the header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new IOException(source + ": not a .npy array (bad magic; expected \\x93NUMPY)");
            }
        }
        int major = magic[6] & 0xff;
        int minor = magic[7] & 0xff;
        long hlen;
        if (major == 1) {
            byte[] l = readFully(in, 2, source, "header length");
            hlen = (l[0] & 0xff) | (l[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] l = readFully(in, 4, source, "header length");
            hlen = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        } else {
            throw new IOException(source + ": unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        if (hlen > 1 << 24) {
            throw new IOException(source + ": bad .npy header: implausible header length " + hlen);
        }
        byte[] hb = readFully(in, (int) hlen, source, "header");
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict;
        try {
            dict = new HeaderParser(header).parse();
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": bad .npy header: " + e.getMessage() + " in " + header.strip());
        }
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shapeObj = dict.get("shape");
        if (!(descr instanceof String) || !(fortran instanceof Boolean) || !(shapeObj instanceof int[])) {
            throw new IOException(source + ": bad .npy header: needs 'descr' (a string), 'fortran_order' (True/False) and"
                    + " 'shape' (a tuple of integers); got " + header.strip());
        }
        if ((Boolean) fortran) {
            throw new IOException(source + ": array '" + name + "' is stored in Fortran order (fortran_order: True), which is"
                    + " not supported; save np.ascontiguousarray(arr) instead");
        }
        NpyDtype dtype;
        try {
            dtype = NpyDtype.fromDescr((String) descr);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": array '" + name + "': " + e.getMessage());
        }
        int[] shape = (int[]) shapeObj;
        long count = 1;
        for (int s : shape) {
            count *= s;
            if (count > MAX_ELEMENTS) {
                throw new IOException(source + ": array '" + name + "' of shape " + shapeRepr(shape) + " is too large");
            }
        }
        return NpyArray.wrap(name, dtype, shape, readData(in, dtype, (int) count, shape, name, source));
    }

    private static Object readData(InputStream in, NpyDtype dtype, int n, int[] shape, String name, String source)
            throws IOException {
        int item = dtype.itemSize();
        long expected = (long) n * item;
        // the array grows with the data actually read (at most doubling): a header claiming a huge shape
        // allocates only as much as the input holds before it is found truncated
        int cap = Math.min(n, FIRST_ELEMENTS);
        Object out = switch (dtype) {
            case FLOAT32 -> new float[cap];
            case FLOAT64 -> new double[cap];
            case INT32 -> new int[cap];
            case INT64 -> new long[cap];
            case UINT8 -> new byte[cap];
            case BOOL -> new boolean[cap];
        };
        int per = Math.max(1, CHUNK / item);
        byte[] chunk = new byte[Math.max(item, (int) Math.min(expected, (long) per * item))];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        long got = 0;
        for (int start = 0; start < n; start += per) {
            int len = Math.min(per, n - start);
            int bytes = len * item;
            int r = in.readNBytes(chunk, 0, bytes);
            got += r;
            if (r < bytes) {
                throw new IOException(source + ": array '" + name + "' " + dtype.descr() + " " + shapeRepr(shape)
                        + " is truncated: expected " + expected + " data bytes, got " + got);
            }
            if (start + len > cap) {
                cap = (int) Math.min(n, Math.max(start + (long) len, 2L * cap));
                Object grown = java.lang.reflect.Array.newInstance(out.getClass().getComponentType(), cap);
                System.arraycopy(out, 0, grown, 0, start);
                out = grown;
            }
            buf.clear();
            switch (dtype) {
                case FLOAT32 -> buf.asFloatBuffer().get((float[]) out, start, len);
                case FLOAT64 -> buf.asDoubleBuffer().get((double[]) out, start, len);
                case INT32 -> buf.asIntBuffer().get((int[]) out, start, len);
                case INT64 -> buf.asLongBuffer().get((long[]) out, start, len);
                case UINT8 -> System.arraycopy(chunk, 0, out, start, len);
                case BOOL -> {
                    boolean[] b = (boolean[]) out;
                    for (int i = 0; i < len; i++) {
                        b[start + i] = chunk[i] != 0;
                    }
                }
            }
        }
        return out;
    }

    private static byte[] readFully(InputStream in, int n, String source, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException(source + ": .npy " + what + " is truncated: expected " + n + " bytes, got " + b.length);
        }
        return b;
    }

    /**
     * Parses the Python dict literal of a header: string keys; values are strings, True/False, or tuples
     * of non-negative integers (returned as {@code int[]}). Fails with IllegalArgumentException.
     */
    private static final class HeaderParser {
        private final String s;
        private int pos;

        HeaderParser(String s) {
            this.s = s;
        }

        Map<String, Object> parse() {
            Map<String, Object> out = new LinkedHashMap<>();
            expect('{');
            while (true) {
                skipWs();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key = string();
                expect(':');
                skipWs();
                out.put(key, value());
                skipWs();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            skipWs();
            if (pos != s.length()) {
                throw error("unexpected text after the dict");
            }
            return out;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                throw error("structured (record) dtypes are not supported");
            }
            throw error("unexpected value");
        }

        private int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (true) {
                skipWs();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected a non-negative integer dimension");
                }
                long v;
                try {
                    v = Long.parseLong(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw error("dimension too large");
                }
                if (v > Integer.MAX_VALUE) {
                    throw error("dimension too large");
                }
                dims.add((int) v);
                if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                    pos++; // Python 2 long suffix
                }
                skipWs();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c != ')') {
                    throw error("expected ',' or ')' in the shape");
                }
            }
            int[] out = new int[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dims.get(i);
            }
            return out;
        }

        private String string() {
            skipWs();
            char q = peek();
            if (q != '\'' && q != '"') {
                throw error("expected a quoted string");
            }
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }

        private void expect(char c) {
            skipWs();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skipWs() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at header position " + pos);
        }
    }
}
