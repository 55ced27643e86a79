package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Preset;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.spec.SpecException;

class SpecJsonTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreWrittenCanonically() {
        String json = SpecJson.toJson(ExperimentSpec.defaults());
        assertTrue(json.startsWith("{\n  \"name\": \"run\",\n  \"dataset\": \"sample\",\n  \"testData\": \"\",\n"), json);
        assertTrue(json.contains("\n  \"learningRate\": 0.0012,\n"), json);
        assertTrue(json.contains("\n  \"batchSize\": 60,\n"), json);
        assertTrue(json.contains("\n  \"seed\": 1,\n"), json);
        assertTrue(json.contains("\n  \"globalIgnore\": [\"output\"],\n"), json);
        assertTrue(json.contains("\n  \"branches\": [\"ticket\", \"random-reinit\"],\n"), json);
        assertTrue(json.contains("\n  \"lmcEachRound\": false,\n"), json);
        assertTrue(json.endsWith("  \"engine\": \"auto\",\n  \"earlyBirdWindow\": 5,\n  \"earlyBirdThreshold\": 0.1\n}\n"), json);
        assertEquals(ExperimentSpec.fields().size() + 2, json.split("\n").length);
    }

    @Test
    void roundTripsPresetsAndOddValues() throws IOException {
        for (Preset p : Presets.all()) {
            assertEquals(p.spec(), SpecJson.parse(SpecJson.toJson(p.spec())), p.id());
        }
        ExperimentSpec odd = ExperimentSpec.defaults().with(Map.of(
                "seed", "9007199254740993", "learningRate", "1e-5", "globalIgnore", "",
                "dataset", "C:\\data\\\"mnist\" é", "lmcEachRound", "true", "branches", "edge-popup,ticket,one-shot"));
        String json = SpecJson.toJson(odd);
        assertTrue(json.contains("\"learningRate\": 1.0E-5,"), json);
        assertTrue(json.contains("\"globalIgnore\": [],"), json);
        assertEquals(odd, SpecJson.parse(json));
        Path f = tmp.resolve("spec.json");
        SpecJson.write(f, odd);
        assertEquals(odd, SpecJson.read(f));
        assertEquals(json, Files.readString(f));
    }

    @Test
    void readingIsLenientAboutTypesAndMissingKeys() {
        ExperimentSpec s = SpecJson.parse("{\"name\": \"x\", \"batchSize\": \"32\", \"branches\": \"ticket\","
                + " \"learningRate\": 2E-3, \"seed\": 5.0, \"lmcEachRound\": \"true\", \"momentum\": null}");
        assertEquals(32, s.batchSize());
        assertEquals(0.002, s.learningRate());
        assertEquals(5, s.seed());
        assertEquals(1, s.branches().size());
        assertTrue(s.lmcEachRound());
        assertEquals(0.0, s.momentum());
    }

    @Test
    void rejectsUnknownKeysBadValuesAndBadJson() throws IOException {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"colour\": \"red\"}"));
        assertEquals("colour", e.field());
        e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"batchSize\": 1.5}"));
        assertEquals("batchSize", e.field());
        e = assertThrows(SpecException.class, () -> SpecJson.parse("{\"model\": [\"a\"]}"));
        assertEquals("model", e.field());
        Path f = tmp.resolve("spec.json");
        Files.writeString(f, "{\n  \"name\": \"x\",\n  \"seed\": 1 2\n}\n");
        IOException io = assertThrows(IOException.class, () -> SpecJson.read(f));
        assertTrue(io.getMessage().startsWith(f + ": bad JSON at line 3, column 13"), io.getMessage());
    }
}
