package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Presets;

class ExperimentViewModelTest {

    private static ExperimentViewModel vm() {
        return new ExperimentViewModel(Presets.QUICK, Map.of(), p -> p.toString().equals("/data/mnist"));
    }

    @Test
    void startsValidWithEveryField() {
        ExperimentViewModel vm = vm();
        assertEquals(ExperimentSpec.fields().size(), vm.fields().size());
        assertEquals(Presets.QUICK.spec(), vm.spec());
        assertEquals("", vm.problem());
    }

    @Test
    void anImpossibleValueIsMarkedWithItsReasonAndThereIsNoSpec() {
        ExperimentViewModel vm = vm();
        vm.field("learningRate").setValue("-1");
        assertTrue(vm.field("learningRate").problem().contains("must be > 0"), vm.field("learningRate").problem());
        assertNull(vm.spec());
        assertTrue(vm.problem().startsWith("learningRate:"), vm.problem());
        vm.field("learningRate").setValue("0.01");
        assertEquals("", vm.field("learningRate").problem());
        assertNotNull(vm.spec());
        assertEquals(0.01, vm.spec().learningRate());
    }

    @Test
    void textThatIsNotANumberIsCaughtAsTyped() {
        ExperimentViewModel vm = vm();
        vm.field("iterations").setValue("4o0");
        assertFalse(vm.field("iterations").problem().isEmpty());
        vm.field("iterations").setValue("0");
        assertTrue(vm.field("iterations").problem().contains("positive"), vm.field("iterations").problem());
    }

    @Test
    void crossFieldConstraintsAreShownAndClearWhenFixed() {
        ExperimentViewModel vm = vm();
        vm.field("iterations").setValue("20"); // below the evaluation interval of 50
        assertNull(vm.spec());
        assertTrue(vm.problem().contains("evalInterval"), vm.problem());
        vm.field("evalInterval").setValue("10");
        assertNotNull(vm.spec());
        assertEquals("", vm.field("iterations").problem());
        assertEquals("", vm.problem());
    }

    @Test
    void noBranchIsAnError() {
        ExperimentViewModel vm = vm();
        vm.field("branches").setValue("");
        assertTrue(vm.field("branches").problem().contains("at least one"), vm.field("branches").problem());
    }

    @Test
    void dataFoldersMustExistAndFashionMnistOnlyWhenInstalled() {
        ExperimentViewModel vm = vm();
        assertEquals(List.of("sample"), vm.datasetChoices());
        vm.field("dataset").setValue("/nowhere");
        assertTrue(vm.field("dataset").problem().contains("no such folder"));
        vm.field("dataset").setValue("fashion-mnist");
        assertTrue(vm.field("dataset").problem().contains("not installed"));
        vm.field("dataset").setValue("/data/mnist");
        assertEquals("", vm.field("dataset").problem());
        assertEquals("/data/mnist", vm.spec().dataset());
        ExperimentViewModel withFashion = new ExperimentViewModel(Presets.QUICK, Map.of(),
                p -> p.equals(ExperimentViewModel.FASHION_MNIST_DIR));
        assertEquals(List.of("sample", "fashion-mnist"), withFashion.datasetChoices());
        assertTrue(Path.of("/usr/share/datasets/fashion-mnist").equals(ExperimentViewModel.FASHION_MNIST_DIR));
    }

    @Test
    void choosingAPresetLoadsItButKeepsTheDataSet() {
        ExperimentViewModel vm = vm();
        vm.field("dataset").setValue("/data/mnist");
        vm.presetProperty().set(Presets.FRANKLE_CARBIN_2019);
        assertEquals(50000, vm.spec().iterations());
        assertEquals("/data/mnist", vm.spec().dataset());
    }

    @Test
    void overridesFromTheCommandLineApply() {
        ExperimentViewModel vm = new ExperimentViewModel(Presets.QUICK, Map.of("rounds", "2"), p -> false);
        assertEquals(2, vm.spec().rounds());
        assertEquals("2", vm.field("rounds").value());
    }
}
