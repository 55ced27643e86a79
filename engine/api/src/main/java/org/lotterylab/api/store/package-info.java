/**
 * The on-disk run store: NumPy {@code .npy}/{@code .npz} files, canonical {@code spec.json}, tolerant CSV
 * tables, crash-safe atomic writes, the run directory layout ({@link org.lotterylab.api.store.RunLayout}),
 * the engine-side writer ({@link org.lotterylab.api.store.RunStoreWriter}) and the read-only browser
 * ({@link org.lotterylab.api.store.StoredRun}). Pure JDK; the format is described in {@code docs/run-format.md}.
 */
package org.lotterylab.api.store;
