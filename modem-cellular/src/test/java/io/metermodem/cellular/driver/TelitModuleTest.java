package io.metermodem.cellular.driver;

import io.metermodem.testkit.module.ModuleDialect;
import org.junit.jupiter.api.DisplayName;

@DisplayName("HAL-7: Telit LE910 driver against the simulated Telit module")
class TelitModuleTest extends CellularDriverContract {

    @Override
    ModuleDialect dialect() {
        return ModuleDialect.TELIT;
    }

    @Override
    String iccidCommand() {
        return "AT#CCID";
    }
}
