/**
 * The in-memory modem board in virtual time (HAL-8): {@link io.metermodem.hal.mock.MockBoard} and
 * its {@link io.metermodem.hal.mock.VirtualScheduler}. Published for users' tests: a meter-gateway
 * or head-end developer runs a whole modem in a unit test, moves time by hand and injects faults.
 */
package io.metermodem.hal.mock;
