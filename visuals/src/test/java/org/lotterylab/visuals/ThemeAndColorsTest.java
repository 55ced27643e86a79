package org.lotterylab.visuals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.spec.Branch;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThemeAndColorsTest {
    private Scene scene;
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("x");
        scene = new Scene(new StackPane(label), 200, 100);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @Test
    void presentationModeUsesLargeType(FxRobot robot) {
        Fx.run(() -> Theme.apply(scene, false));
        double normal = Fx.call(() -> {
            label.applyCss();
            return label.getFont().getSize();
        });
        Fx.run(() -> Theme.apply(scene, true));
        double big = Fx.call(() -> {
            label.applyCss();
            return label.getFont().getSize();
        });
        assertTrue(Theme.isPresentation(scene));
        assertTrue(big >= 20, "presentation font " + big);
        assertTrue(normal < big);
        Fx.run(() -> Theme.apply(scene, false));
        assertFalse(Theme.isPresentation(scene));
        assertEquals(1, scene.getStylesheets().size());
    }

    @Test
    void everyBranchHasItsOwnColour(FxRobot robot) {
        Set<String> seen = new HashSet<>();
        for (Branch b : Branch.values()) {
            assertTrue(seen.add(BranchColors.hex(b)), "duplicate colour for " + b);
        }
        Color ticket = BranchColors.of(Branch.TICKET);
        assertTrue(ticket.getBlue() > ticket.getRed() && ticket.getBlue() > 0.6, "ticket is strong blue");
        Color reinit = BranchColors.of(Branch.RANDOM_REINIT);
        assertTrue(reinit.getRed() > 0.8 && reinit.getGreen() > 0.5 && reinit.getBlue() < 0.2, "re-init is orange");
        Color random = BranchColors.of(Branch.RANDOM_PRUNING);
        assertEquals(random.getRed(), random.getBlue(), 1e-9, "random pruning is grey");
        assertEquals("rgba(0,114,178,0.500)", BranchColors.rgba(Branch.TICKET, 0.5));
    }
}
