/**
 * A small head-end system (HES) for trying a modem out: reads a meter through a transparent TCP port
 * with IEC 62056-21 (TR-1, TR-9), as {@code ./modem read HOST:PORT} does.
 */
package io.metermodem.firmware.hes;
