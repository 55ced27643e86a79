/**
 * How every experiment run ends ({@link org.lotterylab.engine.run.RunLifecycle}): exactly one finished or
 * failed event with a reason a user can act on, the writer lock held while it runs.
 */
package org.lotterylab.engine.run;
