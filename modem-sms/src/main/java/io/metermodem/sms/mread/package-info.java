/**
 * The {@code mread} command's meter read (SMS-8, TR-9): an IEC 62056-21 mode C readout driven on the
 * modem's scheduler, on a meter line borrowed from the transparent bridge (lowest priority, TR-3)
 * or on a meter port of its own.
 */
package io.metermodem.sms.mread;
