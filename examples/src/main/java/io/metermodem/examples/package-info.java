/** Runnable examples of the metermodem SDK, written against its public API only. */
package io.metermodem.examples;
