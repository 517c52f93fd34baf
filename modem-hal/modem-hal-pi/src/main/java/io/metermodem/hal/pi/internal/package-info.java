/**
 * Implementation helpers of the Raspberry Pi binding: the bounded receive buffer of a serial port
 * and the redo journal of the file-backed flash. Not exported; nothing here is API.
 */
package io.metermodem.hal.pi.internal;
