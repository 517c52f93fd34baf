package io.metermodem.led;

import io.metermodem.hal.cellular.CellularStatus;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Everything the LEDs show, as one immutable snapshot. {@link LedSignals} turns it (and the time)
 * into a pattern per LED; {@link LedController} keeps the current one up to date from status events.
 * Times are on the modem's scheduler clock, in nanoseconds.
 *
 * @param cellular            the cellular module's last report: SIM, registration, access technology,
 *                            RSSI, IP address
 * @param atTimeout           the module stopped answering AT commands (cleared by its next report)
 * @param technologyChangedAt when the access technology last changed to another real technology
 *                            (the first registration after start included); empty before that
 * @param ipForwarding        a transparent TCP session forwards data between a head-end and the meter
 * @param meterConnected      the meter-modem connection is built up: the meter answered
 * @param iecPolling          the IEC polling of the meter
 * @param multiUtility        the multi-utility mode is configured
 * @param ammClient           the AMM (IEC) client link
 * @param csd                 the CSD call in progress
 * @param meterBaud           the configured meter interface speed (matters during a transparent CSD call)
 * @param charging            the supercapacitor is charging and the modem waits for it (LED-1, PWR-3)
 * @param chargedAt           when charging ended since start; empty if the modem started charged
 * @param startedAt           when the firmware started
 * @param firmwareInstalled   a firmware was installed; all LEDs stay dark until the restart (LED-11)
 */
public record ModemStatus(CellularStatus cellular, boolean atTimeout, OptionalLong technologyChangedAt,
                          boolean ipForwarding, boolean meterConnected, IecPollingState iecPolling,
                          boolean multiUtility, AmmClientState ammClient, CsdMode csd, int meterBaud,
                          boolean charging, OptionalLong chargedAt, long startedAt, boolean firmwareInstalled) {

    /** @throws NullPointerException for a missing part */
    public ModemStatus {
        Objects.requireNonNull(cellular, "cellular");
        Objects.requireNonNull(technologyChangedAt, "technologyChangedAt");
        Objects.requireNonNull(iecPolling, "iecPolling");
        Objects.requireNonNull(ammClient, "ammClient");
        Objects.requireNonNull(csd, "csd");
        Objects.requireNonNull(chargedAt, "chargedAt");
    }

    /**
     * The status of a modem that just started, charged, knowing nothing yet.
     *
     * @param startedAt when the firmware started
     * @return the status
     */
    public static ModemStatus startedAt(long startedAt) {
        return new ModemStatus(CellularStatus.UNKNOWN, false, OptionalLong.empty(), false, false,
                IecPollingState.IDLE, false, AmmClientState.IDLE, CsdMode.NONE, 9600, false, OptionalLong.empty(),
                startedAt, false);
    }

    /**
     * @param value the new cellular report
     * @return a copy with it
     */
    public ModemStatus withCellular(CellularStatus value) {
        return new ModemStatus(value, atTimeout, technologyChangedAt, ipForwarding, meterConnected, iecPolling,
                multiUtility, ammClient, csd, meterBaud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param value the new flag
     * @return a copy with it
     */
    public ModemStatus withAtTimeout(boolean value) {
        return new ModemStatus(cellular, value, technologyChangedAt, ipForwarding, meterConnected, iecPolling,
                multiUtility, ammClient, csd, meterBaud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param nanos when the access technology changed
     * @return a copy with it
     */
    public ModemStatus withTechnologyChangedAt(long nanos) {
        return new ModemStatus(cellular, atTimeout, OptionalLong.of(nanos), ipForwarding, meterConnected, iecPolling,
                multiUtility, ammClient, csd, meterBaud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param value the new flag
     * @return a copy with it
     */
    public ModemStatus withIpForwarding(boolean value) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, value, meterConnected, iecPolling,
                multiUtility, ammClient, csd, meterBaud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param value the new flag
     * @return a copy with it
     */
    public ModemStatus withMeterConnected(boolean value) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, ipForwarding, value, iecPolling,
                multiUtility, ammClient, csd, meterBaud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param value the new state
     * @return a copy with it
     */
    public ModemStatus withIecPolling(IecPollingState value) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, ipForwarding, meterConnected, value,
                multiUtility, ammClient, csd, meterBaud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param value the new flag
     * @return a copy with it
     */
    public ModemStatus withMultiUtility(boolean value) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, ipForwarding, meterConnected, iecPolling,
                value, ammClient, csd, meterBaud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param value the new state
     * @return a copy with it
     */
    public ModemStatus withAmmClient(AmmClientState value) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, ipForwarding, meterConnected, iecPolling,
                multiUtility, value, csd, meterBaud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param mode the call in progress
     * @param baud the meter interface speed
     * @return a copy with them
     */
    public ModemStatus withCsd(CsdMode mode, int baud) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, ipForwarding, meterConnected, iecPolling,
                multiUtility, ammClient, mode, baud, charging, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param value whether the supercapacitor charges
     * @return a copy with it
     */
    public ModemStatus withCharging(boolean value) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, ipForwarding, meterConnected, iecPolling,
                multiUtility, ammClient, csd, meterBaud, value, chargedAt, startedAt, firmwareInstalled);
    }

    /**
     * @param nanos when charging ended
     * @return a copy with it
     */
    public ModemStatus withChargedAt(long nanos) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, ipForwarding, meterConnected, iecPolling,
                multiUtility, ammClient, csd, meterBaud, charging, OptionalLong.of(nanos), startedAt, firmwareInstalled);
    }

    /**
     * @param value whether a firmware was installed
     * @return a copy with it
     */
    public ModemStatus withFirmwareInstalled(boolean value) {
        return new ModemStatus(cellular, atTimeout, technologyChangedAt, ipForwarding, meterConnected, iecPolling,
                multiUtility, ammClient, csd, meterBaud, charging, chargedAt, startedAt, value);
    }
}
