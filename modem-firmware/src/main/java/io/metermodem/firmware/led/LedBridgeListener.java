package io.metermodem.firmware.led;

import io.metermodem.led.AmmClientState;
import io.metermodem.led.CsdMode;
import io.metermodem.led.LedStatusInput;
import io.metermodem.transparent.bridge.BridgeListener;
import io.metermodem.transparent.bridge.Channel;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Turns the transparent bridge's events into LED status (LED-3, LED-4, LED-7, LED-10, LED-12):
 * <ul>
 *   <li>a session on a TCP channel (primary, secondary, push, AMM) is IP data forwarding;</li>
 *   <li>a session on the CSD channel is a transparent CSD call at the meter port's speed;</li>
 *   <li>a session on the AMM channel is the AMM client connected, its end the client idle;</li>
 *   <li>the meter answering brings the meter-modem connection up; silence or a port error takes it down.</li>
 * </ul>
 * Called on the modem's scheduler.
 */
public final class LedBridgeListener implements BridgeListener {

    private final LedStatusInput leds;
    private final IntSupplier meterBaud;
    private final Map<Channel, Integer> sessions = new EnumMap<>(Channel.class);

    /**
     * @param leds      the LED status input
     * @param meterBaud the meter port's configured speed, read at each CSD call
     */
    public LedBridgeListener(LedStatusInput leds, IntSupplier meterBaud) {
        this.leds = leds;
        this.meterBaud = meterBaud;
    }

    @Override
    public synchronized void sessionStarted(Channel channel, String link) {
        int n = sessions.merge(channel, 1, Integer::sum);
        if (n == 1) {
            apply(channel, true);
        }
    }

    @Override
    public synchronized void sessionEnded(Channel channel, String link, String reason) {
        int n = sessions.getOrDefault(channel, 0);
        if (n <= 1) {
            sessions.remove(channel);
            apply(channel, false);
        } else {
            sessions.put(channel, n - 1);
        }
    }

    private void apply(Channel channel, boolean active) {
        switch (channel) {
            case CSD -> {
                if (active) {
                    leds.csdCallStarted(CsdMode.METER_TRANSPARENT, meterBaud.getAsInt());
                } else {
                    leds.csdCallEnded();
                }
            }
            case AMM -> {
                leds.ammClient(active ? AmmClientState.CONNECTED : AmmClientState.IDLE);
                forwarding();
            }
            default -> forwarding();
        }
    }

    private void forwarding() {
        boolean any = false;
        for (Channel c : sessions.keySet()) {
            any |= c != Channel.CSD;
        }
        leds.ipForwarding(any);
    }

    @Override
    public void meterAnswering() {
        leds.meterLink(true);
    }

    @Override
    public void meterSilent() {
        leds.meterLink(false);
    }

    @Override
    public void meterPortError(IOException error) {
        leds.meterLink(false);
    }
}
