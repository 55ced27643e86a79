/** The headless command line: option parsing, the commands and terminal progress output. */
package org.lotterylab.app.cli;
