package io.metermodem.hal.mock.cellular;
