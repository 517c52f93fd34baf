package io.metermodem.testkit.module;

/** Which AT dialect a {@link SimulatedCellularModule} speaks (HAL-7). */
public enum ModuleDialect {
    /** Quectel EC2x/EC200: {@code AT+QCCID}, {@code AT+QNWINFO}, {@code AT+QCSQ}, {@code AT+QIACT}, {@code AT+QPING}, {@code RDY}. */
    QUECTEL,
    /** Telit LE910: {@code AT#CCID}, {@code AT#RFSTS}, {@code AT#SGACT}, {@code AT#PING}. */
    TELIT
}
