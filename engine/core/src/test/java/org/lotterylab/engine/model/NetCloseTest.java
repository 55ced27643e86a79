package org.lotterylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Closing a network frees its buffers without DL4J's two {@code System.gc()} calls (full collections under G1). */
class NetCloseTest {
    private static final InputShape DIGITS = new InputShape(1, 28, 28, 10);

    @Test
    void closeFreesTheBuffersAndNeverCallsSystemGc(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("close.jfr");
        INDArray params;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.SystemGC");
            recording.start();
            Net net = ModelFactory.create(ModelKind.LENET_300_100, DIGITS, OptimizerKind.ADAM, 1e-3, 0);
            net.fit(Nd4j.rand(4, 784), Nd4j.eye(10).getRows(0, 1, 2, 3));
            params = net.params();
            net.close();
            recording.stop();
            recording.dump(jfr);
        }
        assertTrue(params.wasClosed(), "the parameters' native buffer is freed");
        List<RecordedEvent> gcs = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.SystemGC")).toList();
        assertEquals(List.of(), gcs, "no System.gc() on close");
        assertTrue(Files.size(jfr) > 0);
    }
}
