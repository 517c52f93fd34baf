/**
 * A simulated cellular module for tests (HAL-7): {@link io.metermodem.testkit.module.SimulatedCellularModule}
 * speaks the Quectel or the Telit AT dialect on the bit-level mock serial wire, backed by a
 * scriptable network (SIM, registration, signal, SMS, calls, packet data, ping) and faults on demand.
 */
package io.metermodem.testkit.module;
