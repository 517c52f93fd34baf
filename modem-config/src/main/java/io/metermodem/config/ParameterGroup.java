package io.metermodem.config;

/**
 * The parameter groups of the WM-E Term configuration tool (CFG-1, manual chapter 3.3), in the
 * order the tool shows them. {@link #SECURITY} holds the configuration and communication passwords
 * the tool keeps outside its groups (manual 3.1, CFG-6).
 */
public enum ParameterGroup {
    /** APN: name, user, password, PDP connection delay (manual 3.3 step 2, 3.4). */
    APN("APN"),
    /** M2M: transparent (utility), customer and configuration ports (manual 3.3 step 3, 3.10). */
    M2M("M2M"),
    /** Mobile network: SIM PIN, network mode (band/fallback), operator selection (manual 3.3 step 4). */
    MOBILE_NETWORK("Mobile network"),
    /** Trans./NTA: multi-utility mode, meter baud, data format, transparent TLS (manual 3.3 step 5, 3.11, 4.6). */
    TRANSPARENT_NTA("Trans./NTA"),
    /** RS485 meter interface: mode and the RS232 DCD behaviour (manual 3.3 step 6, 3.5). */
    RS485("RS485"),
    /** Watchdog: ping and reconnection (manual 3.6). */
    WATCHDOG("Watchdog"),
    /** AMM (IEC) client including Last Gasp (manual 3.8). */
    AMM("AMM (IEC)"),
    /** Standard Meter Interface: the LED functions (manual 2.5). */
    METER_INTERFACE("Standard Meter Interface"),
    /** Device Manager: server and its TLS (manual 4.6, certreset). */
    DEVICE_MANAGER("Device Manager"),
    /** CSD: the CSD/SMS password (manual 4.6). */
    CSD("CSD"),
    /** Configuration and communication passwords, control-port encryption (manual 1, 3.1). */
    SECURITY("Security"),
    /**
     * The V.250 profile {@code AT&W} stores for the AT command interfaces (manual chapter 4); not a
     * group of the configuration tool, which leaves the AT profile to the modem.
     */
    AT_INTERFACE("AT interface");

    private final String title;

    ParameterGroup(String title) {
        this.title = title;
    }

    /**
     * The group's title as the configuration tool shows it.
     *
     * @return the title
     */
    public String title() {
        return title;
    }
}
