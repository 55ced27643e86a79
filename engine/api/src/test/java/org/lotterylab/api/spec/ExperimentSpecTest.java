package org.lotterylab.api.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentSpecTest {

    @Test
    void everyFieldHasADefaultThatParses() {
        ExperimentSpec d = ExperimentSpec.defaults();
        Map<String, String> m = d.toMap();
        assertEquals(ExperimentSpec.fields().stream().map(SpecField::key).toList(), List.copyOf(m.keySet()));
        for (SpecField f : ExperimentSpec.fields()) {
            assertEquals(ExperimentSpec.fromMap(Map.of()).get(f.key()), m.get(f.key()));
            assertTrue(!f.help().isBlank(), f.key());
        }
        assertEquals(Map.of(), d.nonDefaults());
    }

    @Test
    void hashIsStableAndIgnoresNameAndSpelling() {
        // SHA-256 of the empty string starts e3b0c44298
        assertEquals("e3b0c44298", ExperimentSpec.defaults().hash());
        // sha256("convRate=0.2\nevalInterval=50\nhiddenRate=0.4\niterations=400\nlmcAlphas=15\n"
        //        + "lmcBranches=ticket,random-reinit\n"
        //        + "lmcEachRound=true\noutputRate=0.2\nrounds=7\n")
        assertEquals("84b40cee67", Presets.QUICK.spec().hash());
        assertEquals("quick-84b40cee67", Presets.QUICK.spec().runDirName());
        assertEquals(Presets.QUICK.spec().hash(), Presets.QUICK.spec().with("name", "other").hash());
        ExperimentSpec a = ExperimentSpec.defaults().with(Map.of("learningRate", "1.2e-3", "branches", "random-reinit, ticket"));
        assertEquals(ExperimentSpec.defaults().hash(), a.hash());
        assertEquals(ExperimentSpec.defaults(), a);
        assertNotEquals(ExperimentSpec.defaults().hash(), ExperimentSpec.defaults().with("seed", "2").hash());
    }

    @Test
    void withAndFromMapRoundTrip() {
        for (Preset p : Presets.all()) {
            assertEquals(p.spec(), ExperimentSpec.fromMap(p.spec().toMap()), p.id());
        }
        ExperimentSpec s = ExperimentSpec.defaults().with("model", "CONV-2").with("globalIgnore", " output , fc2 ");
        assertEquals(ModelKind.CONV2, s.model());
        assertEquals(List.of("output", "fc2"), s.globalIgnore());
        assertEquals("output,fc2", s.get("globalIgnore"));
        assertEquals(s, ExperimentSpec.fromMap(s.toMap()));
    }

    @Test
    void validationNamesTheField() {
        Object[][] bad = {
            {"learningRate", "0"}, {"learningRate", "abc"}, {"momentum", "1"}, {"batchSize", "0"},
            {"rounds", "201"}, {"hiddenRate", "1"}, {"rewindIteration", "60000"}, {"branches", ""},
            {"branches", "ticket,ticket"}, {"lmcAlphas", "1"}, {"edgePopupKeep", "0"}, {"name", "a b"},
            {"model", "resnet"}, {"lmcEachRound", "yes"}, {"evalInterval", "60000"}, {"seed", "1.5"},
            {"rewindIteration", "50000"}, {"lmcBranches", ""}, {"lmcBranches", "edge-popup"},
            {"lmcBranches", "ticket,ticket"}, {"lmcBranches", "ticket,magic"},
        };
        for (Object[] b : bad) {
            SpecException e = assertThrows(SpecException.class, () -> ExperimentSpec.defaults().with((String) b[0], (String) b[1]),
                    b[0] + "=" + b[1]);
            assertEquals(b[0], e.field());
            assertTrue(e.getMessage().startsWith(b[0] + ": "), e.getMessage());
            assertEquals(e.getMessage(), ExperimentSpec.defaults().problemWith((String) b[0], (String) b[1]));
        }
        assertEquals("", ExperimentSpec.defaults().problemWith("rounds", "3"));
        SpecException unknown = assertThrows(SpecException.class, () -> ExperimentSpec.fromMap(Map.of("colour", "red")));
        assertTrue(unknown.getMessage().contains("known fields: name,"), unknown.getMessage());
    }

    @Test
    void branchesAreSortedIntoEnumOrder() {
        ExperimentSpec s = ExperimentSpec.defaults().with("branches", "edge-popup,ticket");
        assertEquals(List.of(Branch.TICKET, Branch.EDGE_POPUP), s.branches());
        assertTrue(s.runs(Branch.EDGE_POPUP));
        assertEquals(0.2, s.layerwiseRate(LayerKind.HIDDEN));
        assertEquals(0.1, s.layerwiseRate(LayerKind.OUTPUT));
    }

    @Test
    void unknownGlobalIgnoreLayersFailListingTheModelsLayers() {
        SpecException e = assertThrows(SpecException.class, () -> ExperimentSpec.defaults()
                .with(Map.of("pruning", "global", "globalIgnore", "fc9")));
        assertEquals("globalIgnore", e.field());
        assertTrue(e.getMessage().contains("'fc9' is not a layer of lenet-300-100; its layers are fc1, fc2, output"),
                e.getMessage());
        assertEquals(List.of("fc2", "output"), ExperimentSpec.defaults().with("globalIgnore", "fc2,output").globalIgnore());
        assertThrows(SpecException.class, () -> ExperimentSpec.defaults().with(Map.of("model", "mlp-small",
                "globalIgnore", "fc2")));
        assertEquals(List.of("conv1", "conv2", "conv3", "conv4", "fc1", "fc2", "output"), ModelKind.CONV4.layerNames());
        assertEquals(List.of("fc1", "output"), ModelKind.MLP_SMALL.layerNames());
    }

    @Test
    void normalizeParsesNoneTrainOrGivenStatistics() {
        ExperimentSpec d = ExperimentSpec.defaults();
        assertEquals(InputNormalization.NONE, d.normalize());
        assertEquals(InputNormalization.TRAIN, d.with("normalize", " Train ").normalize());
        ExperimentSpec g = d.with("normalize", "0.1307, 0.3081");
        assertEquals(InputNormalization.given(0.1307, 0.3081), g.normalize());
        assertEquals("0.1307,0.3081", g.get("normalize"));
        assertEquals(g, ExperimentSpec.fromMap(g.toMap()));
        assertEquals(Map.of("normalize", "0.1307,0.3081"), g.nonDefaults());
        for (String bad : new String[] {"0.1", "0.1,0", "0.1,-1", "a,b", "mean"}) {
            SpecException e = assertThrows(SpecException.class, () -> d.with("normalize", bad), bad);
            assertEquals("normalize", e.field());
        }
        assertEquals("0.1307,0.3081", Presets.OPEN_LTH_LENET.spec().get("normalize"));
    }

    @Test
    void sameSignSourceDefaultsToTheta0AndNesterovIsExplicit() {
        assertEquals(SignSource.THETA_0, ExperimentSpec.defaults().sameSignSource());
        assertEquals(SignSource.THETA_K, ExperimentSpec.defaults().with("sameSignSource", "theta-k").sameSignSource());
        assertEquals(OptimizerKind.SGD_NESTEROV, ExperimentSpec.defaults().with("optimizer", "sgd-nesterov").optimizer());
    }
}
