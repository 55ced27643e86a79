package org.lotterylab.app.install;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadPolicyTest {

    @Test
    void onlyAnInstalledAppWithoutAPolicyRestarts() {
        assertTrue(ThreadPolicy.needsRelaunch(Map.of(), "/opt/lottery-ticket-lab/bin/lottery-ticket-lab"));
        assertFalse(ThreadPolicy.needsRelaunch(Map.of("OMP_WAIT_POLICY", "ACTIVE"), "/opt/x"));
        assertFalse(ThreadPolicy.needsRelaunch(Map.of(), null), "a class-path launch (./lth) never restarts");
        assertFalse(ThreadPolicy.needsRelaunch(Map.of("LTH_NO_RELAUNCH", "1"), "/opt/x"));
    }
}
