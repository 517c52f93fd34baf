package io.metermodem.hal.mock.nvm;
