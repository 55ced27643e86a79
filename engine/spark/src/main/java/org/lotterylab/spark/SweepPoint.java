package org.lotterylab.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * One grid point (times one replicate): an ordinary run. Carries the spec as its canonical field map, since
 * {@link ExperimentSpec} itself is not serializable.
 *
 * @param index     position in the sweep, from 0
 * @param values    the grid values of this point, by field, in axis order
 * @param replicate replicate number, from 0 (its seed is the point's seed plus this)
 * @param specMap   every field of the run's spec ({@link ExperimentSpec#toMap()})
 */
public record SweepPoint(int index, Map<String, String> values, int replicate, Map<String, String> specMap)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the maps (keeping their order) into serializable ones. */
    public SweepPoint {
        values = new LinkedHashMap<>(values);
        specMap = new LinkedHashMap<>(specMap);
    }

    /** The point's spec. */
    public ExperimentSpec spec() {
        return ExperimentSpec.fromMap(specMap);
    }

    /** Its run directory name, {@code <name>-<hash>}, exactly as {@code lth imp} names it. */
    public String runDir() {
        return spec().runDirName();
    }

    /** A short label such as {@code #3 seed=2 rewindIteration=20 rep=0}. */
    public String label() {
        StringBuilder sb = new StringBuilder("#").append(index);
        values.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.append(" rep=").append(replicate).toString();
    }
}
