package io.metermodem.cellular.driver;

import io.metermodem.testkit.module.ModuleDialect;
import org.junit.jupiter.api.DisplayName;

@DisplayName("HAL-7: Quectel EC2x driver against the simulated Quectel module")
class QuectelModuleTest extends CellularDriverContract {

    @Override
    ModuleDialect dialect() {
        return ModuleDialect.QUECTEL;
    }

    @Override
    String iccidCommand() {
        return "AT+QCCID";
    }
}
