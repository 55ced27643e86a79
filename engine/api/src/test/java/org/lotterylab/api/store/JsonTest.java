package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesAllValueKinds() {
        Map<String, Object> m = Json.parseObject(
                "{\"s\": \"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\", \"n\": -1.5e2, \"i\": 0, \"t\": true, \"f\": false,"
                        + " \"z\": null, \"a\": [1, [], {}, \"x\"], \"o\": {\"k\": [true]}}");
        assertEquals(List.of("s", "n", "i", "t", "f", "z", "a", "o"), List.copyOf(m.keySet()));
        assertEquals("a\"b\\c/d\n\té\uD83D\uDE00", m.get("s"));
        assertEquals(-150.0, m.get("n"));
        assertEquals(0.0, m.get("i"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertTrue(m.containsKey("z"));
        assertNull(m.get("z"));
        assertEquals(List.of(1.0, List.of(), Map.of(), "x"), m.get("a"));
        assertEquals(Map.of("k", List.of(true)), m.get("o"));
    }

    @Test
    void exactModeKeepsLongs() {
        assertEquals(new BigDecimal("9007199254740993"), Json.parseExact("9007199254740993"));
        assertEquals(Double.NaN, Json.parse("NaN"));
        assertEquals(Double.NEGATIVE_INFINITY, Json.parse("-Infinity"));
    }

    @Test
    void errorsGiveLineAndColumn() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertEquals(3, e.line());
        assertEquals(7, e.column());
        assertTrue(e.getMessage().startsWith("bad JSON at line 3, column 7"), e.getMessage());
        assertTrue(e.getMessage().contains("expected ':'"), e.getMessage());

        String[] bad = {"", "{", "[1,]", "{\"a\":1,}", "{\"a\":1} x", "\"unterminated", "01", "1.", "-", "tru",
            "{\"a\":1,\"a\":2}", "\"\\x\"", "\"\\u12\"", "{a:1}", "\"tab\there\""};
        for (String s : bad) {
            Json.JsonException x = assertThrows(Json.JsonException.class, () -> Json.parse(s), s);
            assertTrue(x.getMessage().startsWith("bad JSON at line "), x.getMessage());
        }
        assertThrows(Json.JsonException.class, () -> Json.parse("[".repeat(1000)));
        assertThrows(Json.JsonException.class, () -> Json.parseObject("[1]"));
    }

    @Test
    void writesPrettyAndRoundTrips() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "lmc \"A\"\n");
        m.put("alphas", List.of(0.0, 0.5, 1.0));
        m.put("count", 3);
        m.put("big", 9007199254740993L);
        m.put("ok", true);
        m.put("none", null);
        m.put("nan", Double.NaN);
        m.put("rows", List.of(Map.of("a", 1)));
        m.put("empty", Map.of());
        String text = Json.write(m);
        assertEquals("""
                {
                  "name": "lmc \\"A\\"\\n",
                  "alphas": [0.0, 0.5, 1.0],
                  "count": 3,
                  "big": 9007199254740993,
                  "ok": true,
                  "none": null,
                  "nan": NaN,
                  "rows": [
                    {
                      "a": 1
                    }
                  ],
                  "empty": {}
                }
                """, text);
        Map<String, Object> back = Json.parseObject(text);
        assertEquals("lmc \"A\"\n", back.get("name"));
        assertEquals(List.of(0.0, 0.5, 1.0), back.get("alphas"));
        assertEquals(new BigDecimal("9007199254740993"), ((Map<?, ?>) Json.parseExact(text)).get("big"));
        assertEquals("{\"a\":[1,2],\"b\":\"\\u0001\"}", Json.writeCompact(Map.of("a", List.of(1, 2))).replace("}", "")
                + ",\"b\":" + Json.quote("\u0001") + "}");
    }

    @Test
    void numbersRoundTripBitForBit() {
        SplittableRandom rnd = new SplittableRandom(16);
        List<Object> doubles = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE,
                0.1, 1.2e-3, 1e21, 1e-7, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        List<Object> longs = new ArrayList<>(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 9007199254740993L));
        for (int i = 0; i < 2000; i++) {
            doubles.add(Double.longBitsToDouble(rnd.nextLong()));
            longs.add(rnd.nextLong());
        }
        List<?> back = (List<?>) Json.parse(Json.write(doubles));
        for (int i = 0; i < doubles.size(); i++) {
            Object in = doubles.get(i);
            Object out = back.get(i);
            assertEquals(Double.doubleToLongBits((Double) in), Double.doubleToLongBits((Double) out), // NaN payloads: one NaN
                    () -> in + " came back as " + out);
        }
        List<?> exact = (List<?>) Json.parseExact(Json.writeCompact(longs));
        List<?> approx = (List<?>) Json.parse(Json.writeCompact(longs));
        for (int i = 0; i < longs.size(); i++) {
            assertEquals(longs.get(i), ((BigDecimal) exact.get(i)).longValueExact());
            assertEquals(Double.parseDouble(longs.get(i).toString()), approx.get(i)); // what the text's nearest double is
        }
        String huge = "123456789012345678901234567890123";
        assertEquals(Double.parseDouble(huge), Json.parse(huge));
        assertEquals(new BigDecimal(new BigInteger(huge)), Json.parseExact(huge));
    }

    @Test
    void exactModeKeepsTheWrittenDecimalAndOnlyPythonsNonFiniteSpellingsAreNumbers() {
        assertEquals(List.of(new BigDecimal("0.1"), new BigDecimal("2.50"), new BigDecimal("1e400"), new BigDecimal("-12")),
                Json.parseExact("[0.1, 2.50, 1e400, -12]"));
        assertEquals(List.of(Double.POSITIVE_INFINITY, -150.0), Json.parse("[1e400, -1.5E2]"));
        assertEquals(Map.of("k", List.of(Double.NaN, new BigDecimal("3"))), Json.parseExact("{\"k\": [NaN, 3]}"));
        for (String s : new String[] {"-INF", "+INF", "INF", "+Infinity", "-NaN", "[1, +Infinity]", "1e99999999999"}) {
            Json.JsonException x = assertThrows(Json.JsonException.class, () -> Json.parseExact(s), s);
            assertTrue(x.getMessage().startsWith("bad JSON at line 1, column "), x.getMessage());
        }
        assertTrue(assertThrows(Json.JsonException.class, () -> Json.parse("[1, -INF]")).getMessage()
                .endsWith("(offset 4): '-INF' is not a number (NaN, Infinity and -Infinity are)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void parsedTreesAreMutableInsertionOrderedMapsAndLists() {
        Map<String, Object> m = Json.parseObject("\uFEFF{\"z\": {}, \"a\": [], \"m\": {\"one\": [1]}}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
        assertTrue(m instanceof LinkedHashMap && m.get("z") instanceof LinkedHashMap && m.get("a") instanceof ArrayList, m.toString());
        ((Map<String, Object>) m.get("m")).put("two", 2);
        ((List<Object>) ((Map<?, ?>) m.get("m")).get("one")).add(3);
        assertEquals(Map.of("one", List.of(1.0, 3), "two", 2), m.get("m"));
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{}\n [2]"));
        assertEquals("bad JSON at line 2, column 2 (offset 4): unexpected '[' after the value", e.getMessage());
        assertEquals("bad JSON at line 1, column 5 (offset 4): Unexpected character (']'): expected a value",
                assertThrows(Json.JsonException.class, () -> Json.parse("[1, ]")).getMessage());
        assertEquals("bad JSON at line 2, column 1 (offset 2): empty input; expected a value",
                assertThrows(Json.JsonException.class, () -> Json.parse(" \n")).getMessage());
    }
}
