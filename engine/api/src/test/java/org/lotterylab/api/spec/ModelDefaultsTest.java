package org.lotterylab.api.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fields whose default depends on the model: ResNet-20 and VGG-16 prune globally, as open_lth. */
class ModelDefaultsTest {

    @Test
    void bigNetsPruneGloballyByDefaultAsOpenLth() {
        ExperimentSpec r = ExperimentSpec.fromMap(Map.of("model", "resnet-20"));
        assertEquals(PruningStyle.GLOBAL, r.pruning());
        assertEquals(List.of(), r.globalIgnore(), "open_lth's cifar_resnet_20 prunes every layer, fc included");
        ExperimentSpec v = ExperimentSpec.defaults().with("model", "vgg-16");
        assertEquals(PruningStyle.GLOBAL, v.pruning());
        assertEquals(List.of("output"), v.globalIgnore(), "open_lth's cifar_vgg_16 ignores fc.weight");
        assertEquals(PruningStyle.GLOBAL, ExperimentSpec.defaults().with(Map.of("model", "resnet-20")).pruning());
        assertEquals(List.of(), ExperimentSpec.defaults().with(Map.of("model", "resnet-20")).globalIgnore());
        assertEquals(PruningStyle.GLOBAL, ExperimentSpec.defaults().with("model", "ResNet-20").pruning(), "ids ignore case");
        assertEquals(PruningStyle.GLOBAL, ExperimentSpec.fromMap(Map.of("model", "VGG-16")).pruning());
    }

    @Test
    void anExplicitValueWins() {
        ExperimentSpec r = ExperimentSpec.fromMap(Map.of("model", "resnet-20", "pruning", "layerwise"));
        assertEquals(PruningStyle.LAYERWISE, r.pruning());
        ExperimentSpec w = ExperimentSpec.defaults().with(Map.of("model", "resnet-20", "globalIgnore", "output"));
        assertEquals(List.of("output"), w.globalIgnore());
        // a value the user changed from the old model's default is kept when the model changes
        ExperimentSpec g = ExperimentSpec.defaults().with("pruning", "global").with("globalIgnore", "fc1")
                .with("model", "conv-2");
        assertEquals(List.of("fc1"), g.globalIgnore());
        assertEquals(PruningStyle.GLOBAL, g.with(Map.of("model", "resnet-20", "globalIgnore", "conv1")).pruning());
    }

    @Test
    void switchingBackRestoresTheOtherModelsDefaults() {
        ExperimentSpec back = ExperimentSpec.defaults().with("model", "resnet-20").with("model", "lenet-300-100");
        assertEquals(ExperimentSpec.defaults(), back);
        assertEquals(ExperimentSpec.defaults().hash(), back.hash());
    }

    @Test
    void oldModelsKeepTheirDefaultsAndHashes() {
        for (String m : List.of("mlp-small", "lenet-300-100", "conv-2", "conv-4", "conv-6")) {
            ExperimentSpec s = ExperimentSpec.defaults().with("model", m);
            assertEquals(PruningStyle.LAYERWISE, s.pruning(), m);
            assertEquals(List.of("output"), s.globalIgnore(), m);
            assertEquals(Map.of("model", m).entrySet().stream().filter(e -> !e.getValue().equals("lenet-300-100"))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), s.nonDefaults(), m);
            assertEquals(ExperimentSpec.fromMap(Map.of("model", m)).hash(), s.hash(), m);
        }
        // the open_lth LeNet preset switched to conv-4 keeps its global pruning
        assertEquals(PruningStyle.GLOBAL, Presets.OPEN_LTH_LENET.spec().with("model", "conv-4").pruning());
        assertEquals("84b40cee67", Presets.QUICK.spec().hash());
    }

    @Test
    void layerNamesFollowTheRule() {
        List<String> r = ModelKind.RESNET_20.layerNames();
        assertEquals(22, r.size());
        assertEquals("conv1", r.get(0));
        assertEquals("conv21", r.get(20));
        assertEquals("output", r.get(21));
        List<String> v = ModelKind.VGG_16.layerNames();
        assertEquals(14, v.size());
        assertEquals("conv13", v.get(12));
        assertEquals("output", v.get(13));
    }
}
