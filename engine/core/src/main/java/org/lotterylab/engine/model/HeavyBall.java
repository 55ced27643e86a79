package org.lotterylab.engine.model;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * SGD with heavy-ball momentum, as PyTorch's {@code torch.optim.SGD} (dampening 0, not Nesterov) and open_lth:
 * {@code v = momentum * v + g; w -= lr * v}, with v starting at zero. DL4J ships only Nesterov momentum
 * ({@code Nesterovs}), which is a different update. The gradient DL4J hands an updater is already the
 * mini-batch mean, as PyTorch's.
 */
public final class HeavyBall implements IUpdater {

    private static final long serialVersionUID = 1L;

    /** Name of the velocity in the updater state. */
    public static final String V_STATE = "V";

    private double learningRate;
    private double momentum;

    /** For JSON deserialisation of network configurations. */
    public HeavyBall() {
        this(0.1, 0.9);
    }

    /** An updater with a constant learning rate and momentum in [0, 1). */
    public HeavyBall(double learningRate, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1) (got " + momentum + ")");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    /** The momentum. */
    public double getMomentum() {
        return momentum;
    }

    /** Sets the momentum (JSON). */
    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    /** The learning rate. */
    public double getLearningRate() {
        return learningRate;
    }

    /** Sets the learning rate (JSON). */
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<HeavyBall> instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater u = new Updater(this);
        u.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater<HeavyBall> instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        Updater u = new Updater(this);
        u.setState(updaterState, initializeStateArrays);
        return u;
    }

    @Override
    public HeavyBall clone() {
        return new HeavyBall(learningRate, momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        if (lrSchedule != null) {
            throw new UnsupportedOperationException("HeavyBall has a constant learning rate");
        }
        this.learningRate = lr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeavyBall h && h.learningRate == learningRate && h.momentum == momentum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum);
    }

    @Override
    public String toString() {
        return "HeavyBall(lr=" + learningRate + ", momentum=" + momentum + ")";
    }

    /** The state (velocity) and the update rule. */
    static final class Updater implements GradientUpdater<HeavyBall> {
        private final HeavyBall config;
        private INDArray v;

        Updater(HeavyBall config) {
            this.config = config;
        }

        @Override
        public HeavyBall getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            INDArray view = state.get(V_STATE);
            if (view == null || state.size() != 1) {
                throw new IllegalStateException("HeavyBall state must hold exactly " + V_STATE + ", got "
                        + state.keySet());
            }
            v = view;
            if (initialize) {
                v.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of(V_STATE, v);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            v = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
            if (v == null) {
                throw new IllegalStateException("could not reshape the momentum view to the gradient's shape");
            }
        }

        /** Turns the gradient g into the step: {@code v = mu * v + g}, then {@code g := lr * v}. */
        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            if (v == null) {
                throw new IllegalStateException("updater state not set");
            }
            v.muli(config.momentum).addi(gradient);
            gradient.assign(v).muli(config.getLearningRate(iteration, epoch));
        }
    }
}
