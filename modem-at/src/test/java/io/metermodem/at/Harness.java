package io.metermodem.at;

import io.metermodem.config.ConfigurationService;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.crypto.AtRestCipher;
import io.metermodem.config.password.PasswordHash;
import io.metermodem.config.store.ConfigurationStore;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.mock.MockBoard;
import io.metermodem.hal.mock.cellular.MockCellularNetwork;
import io.metermodem.hal.serial.FlowControl;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An interpreter on a mock board, its output captured: the test's terminal. */
final class Harness implements AutoCloseable {

    static final ParameterRegistry REGISTRY = ParameterRegistry.wmE2s(PasswordHash.MIN_ITERATIONS);

    final MockBoard board = MockBoard.builder().build();
    final ConfigurationService config = openConfig();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<AtEvent> events = new ArrayList<>();
    final List<Boolean> dcd = new ArrayList<>();
    final List<FlowControl> flow = new ArrayList<>();
    final List<Duration> powerCycles = new ArrayList<>();
    final AtInterpreter at;

    private Harness(AtInterface iface) {
        network().registerOn(AccessTechnology.LTE, "MeterNet").rssi(-73);
        board.advance(Duration.ZERO);
        at = AtInterpreter.builder()
                .interfaceType(iface)
                .scheduler(board.scheduler())
                .cellularModule(board.cellularModule())
                .configuration(config)
                .terminal(bytes -> out.writeBytes(bytes))
                .lines(new TerminalLines() {
                    @Override
                    public void setDcd(boolean asserted) {
                        dcd.add(asserted);
                    }

                    @Override
                    public void setFlowControl(FlowControl flowControl) {
                        flow.add(flowControl);
                    }
                })
                .resetHook(powerCycles::add)
                .events(events::add)
                .build();
    }

    static Harness local() {
        return new Harness(AtInterface.LOCAL);
    }

    static Harness remote() {
        return new Harness(AtInterface.REMOTE);
    }

    /** A local interpreter with the echo turned off. */
    static Harness quiet() {
        Harness h = local();
        h.send("ATE0\r");
        return h;
    }

    ConfigurationService openConfig() {
        return ConfigurationService.open(REGISTRY,
                new ConfigurationStore(board.nonVolatileMemory(), new AtRestCipher(board.deviceKey())));
    }

    MockCellularNetwork network() {
        return board.network();
    }

    /** Sends text and returns what the interpreter answered at once. */
    String send(String text) {
        out.reset();
        at.receive(text);
        return take();
    }

    /** Output since the last call. */
    String take() {
        String s = out.toString(StandardCharsets.ISO_8859_1);
        out.reset();
        return s;
    }

    /** Moves virtual time and returns the output produced meanwhile. */
    String advance(Duration d) {
        out.reset();
        board.advance(d);
        return take();
    }

    boolean dcdLevel() {
        return dcd.get(dcd.size() - 1);
    }

    @Override
    public void close() {
        at.close();
        board.close();
    }
}
