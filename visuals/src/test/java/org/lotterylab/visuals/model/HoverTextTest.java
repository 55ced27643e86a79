package org.lotterylab.visuals.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HoverTextTest {
    @Test
    void describesAPrunedWeight() {
        assertEquals("fc1  row 3, col 17  |  θ0 = -0.0213  |  value at round 5 = +0.0000  |  pruned in round 2",
                HoverText.weight("fc1", 3, 17, -0.0213f, 0f, new PrunedInfo(false, 2, true), 5));
    }

    @Test
    void describesAKeptWeight() {
        assertEquals("fc2  row 0, col 0  |  θ0 = +0.1000  |  value at round 4 = +0.2500  |  kept through round 4",
                HoverText.weight("fc2", 0, 0, 0.1f, 0.25f, new PrunedInfo(true, 4, true), 4));
    }

    @Test
    void saysWhenTheRoundIsOnlyABound() {
        assertEquals("out  row 1, col 2  |  θ0 = n/a  |  value at round 6 = n/a  |  pruned in round 6 or earlier",
                HoverText.weight("out", 1, 2, Float.NaN, Float.NaN, new PrunedInfo(false, 6, false), 6));
    }

    @Test
    void describesAPixel() {
        assertEquals("pixel (x 4, y 20): 12 of 300 connections kept", HoverText.pixel(4, 20, 12, 300));
    }
}
