/**
 * What an installed lab needs beyond the lab itself: {@link org.lotterylab.app.install.UserDirs} keeps the user's
 * runs ({@link org.lotterylab.app.install.UserDirs#defaultOutDir()} is the output folder of every command) and the
 * native-library caches of ND4J and JavaFX in the user's data and cache folders (never inside the read-only
 * install tree) and turns an unwritable folder into a one-paragraph message with exit code 3;
 * {@link org.lotterylab.app.install.SelfTest} runs {@code --self-test} (its command line is the CLI's), which opens
 * the window on a tiny run in a child process and writes a report. The installers themselves are built by
 * {@code packaging/build.sh}.
 */
package org.lotterylab.app.install;
