package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
}
