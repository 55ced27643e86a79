/**
 * Seeded mutation fuzzing of every file reader: data files (IDX, CIFAR-10), arrays (.npy, .npz), the run store's
 * CSV and JSON files, LMC and edge-popup files. Each reader must either read a mutated file correctly or fail with
 * its typed error naming the file; never another exception, never a hang, never a header-driven allocation.
 * The number of cases per reader is the system property {@code lth.fuzz.cases} (small in {@code mvn verify},
 * 10,000 with {@code -Pfuzz}).
 */
package org.lotterylab.engine.fuzz;
