package io.metermodem.hal.mock.gpio;
