/** The {@code ./modem} command line (picocli): {@code run} the firmware, {@code read} a meter as an HES. */
package io.metermodem.firmware.cli;
