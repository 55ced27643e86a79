/**
 * ChartFX and JavaFX helpers shared by the views: chart set-up and series styling, the
 * "weights remaining (%)" log axis, and the once-per-frame update coalescer.
 */
package org.lotterylab.visuals.chart;
