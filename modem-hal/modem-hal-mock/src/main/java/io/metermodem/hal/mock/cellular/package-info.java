/**
 * A scriptable cellular network and module in virtual time (HAL-7).
 * {@link io.metermodem.hal.mock.cellular.MockCellularNetwork} implements
 * {@link io.metermodem.hal.cellular.CellularModule} for the firmware and gives the test a script:
 * SIM and PIN, registration and access technology, RSSI, incoming and outgoing SMS, ringing data
 * calls whose far end is a {@link io.metermodem.hal.mock.cellular.CsdPeer}, dial outcomes, packet
 * data, ping replies and faults. Every operation completes in a scheduler task after the latency of
 * {@link io.metermodem.hal.mock.cellular.MockCellularTimings}, and every report reaches the listeners
 * in a scheduler task, in order.
 */
package io.metermodem.hal.mock.cellular;
