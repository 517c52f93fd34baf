/**
 * The {@code ./modem} command line (picocli): {@code run} the firmware, {@code read} a meter as a
 * head-end would, {@code config check|import|export}, {@code sms} and {@code pdu encode|decode}.
 */
package io.metermodem.firmware.cli;
