/**
 * The SMS command language of the manual (4.6, SMS-1..SMS-11): {@link io.metermodem.sms.command.SmsCommandParser}
 * turns a text into commands without any I/O, {@link io.metermodem.sms.command.SmsCommandProcessor}
 * authenticates, throttles and executes them against the configuration and answers with the
 * manual's reply texts.
 */
package io.metermodem.sms.command;
