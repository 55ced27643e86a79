package org.lotterylab.api.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in presets. Each is its settings in the form of {@code --set} ({@code key=value}, space-separated),
 * the name being the preset's id; presets of one paper's training share its settings and add theirs.
 */
public final class Presets {

    /** LeNet-300-100 trained as Frankle and Carbin 2019: Adam 1.2e-3, batch 60. */
    private static final String LENET_ADAM = "model=lenet-300-100 optimizer=adam learningRate=0.0012 batchSize=60";

    /**
     * The CIFAR-10 training of Frankle et al. 2020 and open_lth: Kaiming-normal init, SGD with heavy-ball momentum
     * 0.9, lr 0.1, batch 128, 63,000 iterations per round, global pruning of 20% per round, inputs normalised per
     * channel, ticket and random re-init.
     */
    private static final String CIFAR_2020 = "dataset=cifar-10-batches-bin init=kaiming-normal optimizer=sgd "
            + "learningRate=0.1 momentum=0.9 batchSize=128 iterations=63000 evalInterval=2000 globalRate=0.2 "
            + "normalize=train branches=ticket,random-reinit";

    /** Fast lecture demo: LeNet-300-100 on the bundled digits, aggressive pruning, ticket vs random re-init. */
    public static final Preset QUICK = preset("quick", "Quick demo",
            "LeNet-300-100 on the bundled 10k MNIST digits; 40% of hidden weights (20% of output weights) removed per "
                    + "round for 7 rounds, down to about 3% remaining; ticket vs random re-init, with the linear-mode-"
                    + "connectivity instability of every round of both (Frankle et al. 2020; 15 points on each path, "
                    + "the paper's 30 halved for time). Glorot normal, Adam 1.2e-3, inputs as read (pixels in [0, 1], no "
                    + "normalisation).",
            LENET_ADAM, "iterations=400 evalInterval=50 rounds=7 hiddenRate=0.4 outputRate=0.2 convRate=0.2 "
                    + "branches=ticket,random-reinit lmcEachRound=true lmcAlphas=15 lmcBranches=ticket,random-reinit");

    /** Frankle and Carbin 2019, LeNet-300-100: Adam 1.2e-3, batch 60, 50,000 iterations, 20%/10% layerwise. */
    public static final Preset FRANKLE_CARBIN_2019 = preset("frankle-carbin-2019", "Frankle & Carbin 2019 (LeNet)",
            "LeNet-300-100 with the paper's settings: Gaussian Glorot init, Adam lr 1.2e-3, batch 60, 50,000 "
                    + "iterations per round, layerwise pruning of 20% (hidden) and 10% (output) per round, evaluation "
                    + "every 100 iterations, reset to theta_0. The paper does not state an input normalisation; the preset "
                    + "feeds pixels in [0, 1]. Long: hours on a laptop CPU.",
            LENET_ADAM, "init=glorot-normal iterations=50000 evalInterval=100 rounds=15 pruning=layerwise hiddenRate=0.2 "
                    + "outputRate=0.1 branches=ticket,random-reinit");

    /** open_lth's mnist_lenet_300_100: SGD 0.1, batch 128, 40 epochs, Kaiming normal, global 20%, output kept. */
    public static final Preset OPEN_LTH_LENET = preset("open-lth-lenet", "open_lth LeNet-300-100",
            "As open_lth's mnist_lenet_300_100: SGD lr 0.1 (no momentum), batch 128, 40 epochs of 60,000 examples "
                    + "(18,750 iterations), Kaiming-normal init, global magnitude pruning of 20% per level with the "
                    + "output layer ignored, inputs normalised with MNIST's mean 0.1307 and std 0.3081 as open_lth does "
                    + "(on other data, set normalize=train for the training split's own statistics).",
            "model=lenet-300-100 init=kaiming-normal optimizer=sgd learningRate=0.1 momentum=0.0 batchSize=128 "
                    + "iterations=18750 evalInterval=500 rounds=20 pruning=global globalRate=0.2 globalIgnore=output "
                    + "normalize=0.1307,0.3081 branches=ticket");

    /**
     * ResNet-20 on CIFAR-10 as Frankle et al. 2020 ("standard" ResNet-20) and open_lth's cifar_resnet_20: SGD with
     * momentum 0.9, lr 0.1, batch 128, 63,000 iterations, global pruning of 20% per round over every layer,
     * rewinding to iteration 500, 8 rounds (16.8% of weights remaining, the paper's sparsest matching ticket).
     */
    public static final Preset RESNET_20_CIFAR = preset("resnet-20-cifar", "ResNet-20 on CIFAR-10 (Frankle et al. 2020)",
            "open_lth's cifar_resnet_20 with the settings of Frankle et al. 2020 (ResNet-20 'standard'): SGD, heavy-ball "
                    + "momentum 0.9, lr 0.1, batch 128, 63,000 iterations per round, Kaiming-normal init with batch norm "
                    + "(never pruned; scales uniform in [0, 1) as open_lth), global magnitude pruning of 20% per round "
                    + "over every layer (output included, as open_lth), 8 rounds down to 16.8% of weights remaining (the "
                    + "paper's sparsest matching ResNet-20 ticket), rewinding to iteration 500, inputs normalised per "
                    + "channel. Not (yet) in the lab: the paper's 10x learning-rate drops at 32k and 48k iterations, "
                    + "weight decay 1e-4 and data augmentation (random crops and flips), so expect a few points below "
                    + "its 91.7% dense accuracy. Needs CIFAR-10 (--data DIR with data_batch_*.bin) and days on a CPU: "
                    + "--dry-run measures a few steps here and prints the estimate.",
            CIFAR_2020, "model=resnet-20 rounds=8 rewindIteration=500");

    /**
     * VGG-16 on CIFAR-10 as Frankle et al. 2020 ("standard" VGG-16) and open_lth's cifar_vgg_16: as ResNet-20, with
     * the output layer ignored by global pruning, rewinding to iteration 1,000, 19 rounds (1.4% remaining).
     */
    public static final Preset VGG_16_CIFAR = preset("vgg-16-cifar", "VGG-16 on CIFAR-10 (Frankle et al. 2020)",
            "open_lth's cifar_vgg_16 with the settings of Frankle et al. 2020 (VGG-16 'standard'): SGD, heavy-ball "
                    + "momentum 0.9, lr 0.1, batch 128, 63,000 iterations per round, Kaiming-normal init with batch norm "
                    + "(never pruned), global magnitude pruning of 20% per round with the output layer ignored (as "
                    + "open_lth), 19 rounds down to 1.4% of weights remaining (the paper's sparsest matching VGG-16 "
                    + "ticket is 1.5%), rewinding to iteration 1,000, inputs normalised per channel. Not (yet) in the "
                    + "lab: the 10x learning-rate drops at 32k and 48k, weight decay 1e-4 and data augmentation. Needs "
                    + "CIFAR-10 (--data DIR) and weeks on a CPU (14.7M weights): --dry-run prints the estimate.",
            CIFAR_2020, "model=vgg-16 rounds=19 rewindIteration=1000");

    private static final List<Preset> ALL = List.of(QUICK, FRANKLE_CARBIN_2019, OPEN_LTH_LENET, RESNET_20_CIFAR,
            VGG_16_CIFAR);

    private Presets() {
    }

    /** A preset named {@code id} with the settings of each group in turn (a later group's key wins). */
    private static Preset preset(String id, String title, String description, String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", id);
        for (String group : settings) {
            for (String word : group.split(" ")) {
                int eq = word.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException("preset " + id + ": '" + word + "' is not key=value");
                }
                values.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return new Preset(id, title, description, ExperimentSpec.fromMap(values));
    }

    /** All presets, quick first. */
    public static List<Preset> all() {
        return ALL;
    }

    /** The preset with {@code id}, if any. */
    public static Optional<Preset> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The preset with {@code id}, or a {@link SpecException} listing the ids. */
    public static Preset get(String id) {
        return find(id).orElseThrow(() -> new SpecException("preset",
                "unknown preset '" + id + "'; allowed: " + String.join(", ", ALL.stream().map(Preset::id).toList())));
    }
}
