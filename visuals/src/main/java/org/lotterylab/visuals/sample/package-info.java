/**
 * A runnable gallery of every view ({@link org.lotterylab.visuals.sample.ViewGallery}) and the
 * deterministic synthetic LeNet-300-100 data it shows ({@link org.lotterylab.visuals.sample.SyntheticData}).
 */
package org.lotterylab.visuals.sample;
