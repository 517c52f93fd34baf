package io.metermodem.hal.mock.serial;
