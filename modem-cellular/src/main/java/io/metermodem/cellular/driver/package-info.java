/**
 * What the Quectel and Telit drivers share (HAL-7): {@link io.metermodem.cellular.driver.AtCellularModule},
 * the standard TS 27.007/27.005 parts of a {@code CellularModule} over the AT client, and the
 * parsing of AT values.
 */
package io.metermodem.cellular.driver;
