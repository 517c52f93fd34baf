/**
 * AT scripts (AT-25): the manual's {@code command;answer;timeout(ms)} steps, a bounded parser that
 * reports the line and column of a malformed step, and a runner that plays a script against any
 * AT interface in the scheduler's time.
 */
package io.metermodem.at.script;
