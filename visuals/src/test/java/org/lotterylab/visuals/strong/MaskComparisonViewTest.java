package org.lotterylab.visuals.strong;

import org.lotterylab.visuals.Fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.sample.SyntheticData;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MaskComparisonViewTest {
    private MaskComparisonView view;

    @Start
    void start(Stage stage) {
        view = new MaskComparisonView();
        Scene scene = new Scene(view, 1000, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @Test
    void showsBothMasksTheirOverlapImageAndIou() {
        // a 2x3 layer: ep keeps 0,1,4; imp keeps 0,2,4 -> both {0,4}, only ep {1}, only imp {2}, neither {3,5}
        Mask ep = new Mask("fc1", new int[] {2, 3}, new boolean[] {true, true, false, false, true, false});
        Mask imp = new Mask("fc1", new int[] {2, 3}, new boolean[] {true, false, true, false, true, false});
        Fx.run(() -> {
            view.setEdgePopupMasks(List.of(ep), "50% kept");
            view.setImpMasks(List.of(imp), "ticket round 3");
            view.flush();
        });
        assertEquals(0.5, view.overlap().iou(), 1e-12);
        assertTrue(Fx.call(view::iouText).startsWith("fc1: IoU 0.500"), Fx.call(view::iouText));
        Image o = Fx.call(view::overlapImage);
        assertEquals(3, (int) o.getWidth(), "columns = inputs");
        assertEquals(2, (int) o.getHeight(), "rows = output units");
        int[] expected = {MaskComparisonView.BOTH, MaskComparisonView.ONLY_EDGE_POPUP, MaskComparisonView.ONLY_IMP,
                MaskComparisonView.NEITHER, MaskComparisonView.BOTH, MaskComparisonView.NEITHER};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], o.getPixelReader().getArgb(i % 3, i / 3), "pixel " + i);
        }
        Image e = Fx.call(view::edgePopupImage);
        assertEquals(MaskComparisonView.ONLY_EDGE_POPUP, e.getPixelReader().getArgb(1, 0));
        assertEquals(MaskComparisonView.NEITHER, e.getPixelReader().getArgb(2, 0));
        Image i = Fx.call(view::impImage);
        assertEquals(MaskComparisonView.ONLY_IMP, i.getPixelReader().getArgb(2, 0));
    }

    @Test
    void switchesLayersAndListsEveryLayersIou() {
        List<Mask> ep = StrongSyntheticData.masks(SyntheticData.lenetLayers(), 0.5, 1.0, 7, 1);
        List<Mask> imp = StrongSyntheticData.masks(SyntheticData.lenetLayers(), 0.3, 0.7, 7, 2);
        Fx.run(() -> {
            view.setEdgePopupMasks(ep, "50% kept");
            view.setImpMasks(imp, "ticket round 5");
            view.flush();
        });
        assertEquals(List.of("fc1", "fc2", "output"), Fx.call(view::layerChoices));
        assertEquals(784, (int) Fx.call(view::overlapImage).getWidth());
        Fx.run(() -> {
            view.selectLayer("fc2");
            view.flush();
        });
        assertEquals(300, (int) Fx.call(view::overlapImage).getWidth());
        assertEquals(100, (int) Fx.call(view::overlapImage).getHeight());
        assertEquals(MaskOverlap.of(ep.get(1).keep(), imp.get(1).keep()), view.overlap());
        assertEquals(3, view.layerIous().size());
        String layers = Fx.call(view::layersText);
        assertTrue(layers.startsWith("IoU per layer: fc1 "), layers);
    }

    @Test
    void oneSideMissingSaysSo() {
        List<Mask> ep = StrongSyntheticData.masks(SyntheticData.lenetLayers(), 0.5, 1.0, 7, 1);
        Fx.run(() -> {
            view.setEdgePopupMasks(ep, "50% kept");
            view.flush();
        });
        assertNull(view.overlap());
        assertNotNull(Fx.call(view::edgePopupImage));
        assertNull(Fx.call(view::overlapImage));
        assertTrue(Fx.call(view::iouText).contains("no IMP mask"), Fx.call(view::iouText));
        Fx.run(() -> {
            view.clear();
            view.flush();
        });
        assertEquals("no masks yet", Fx.call(view::iouText));
    }
}
