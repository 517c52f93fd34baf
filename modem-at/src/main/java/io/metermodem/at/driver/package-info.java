/**
 * Drivers that put the interpreter on real I/O: a HAL {@link io.metermodem.hal.serial.SerialPort}
 * as the local console (with its control lines and flow control), and a TCP connection as the
 * remote interface behind the communication password ({@code sec.comm_password}).
 */
package io.metermodem.at.driver;
