package io.metermodem.cellular.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metermodem.cellular.quectel.QuectelModule;
import io.metermodem.hal.cellular.AccessTechnology;
import io.metermodem.hal.cellular.RegistrationState;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.hal.mock.serial.MockSerialPort;
import io.metermodem.hal.mock.serial.SerialWire;
import io.metermodem.testkit.module.ModuleDialect;
import io.metermodem.testkit.module.ModuleSmsCodec;
import io.metermodem.testkit.module.SimulatedCellularModule;
import io.metermodem.testkit.module.SubmittedSms;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HAL-7: the AT channel on the mock module UART, in virtual time")
class AtChannelTest {

    /** TEST DOUBLE: these tests send no SMS. */
    private static final ModuleSmsCodec NO_SMS = new ModuleSmsCodec() {
        @Override
        public List<String> encodeDeliver(String originator, String text, Instant serviceCentreTime) {
            throw new UnsupportedOperationException("no SMS in these tests");
        }

        @Override
        public Optional<SubmittedSms> decodeSubmit(String tpduHex) {
            throw new UnsupportedOperationException("no SMS in these tests");
        }
    };

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SerialWire wire = new SerialWire(scheduler, "module-uart");
    private final MockSerialPort cpu = wire.dte("cpu");
    private SimulatedCellularModule module;
    private AtChannel channel;
    private final List<String> urcs = new CopyOnWriteArrayList<>();
    private final List<String> recovery = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        module = SimulatedCellularModule.builder(ModuleDialect.QUECTEL).smsCodec(NO_SMS)
                .bootTime(Duration.ofSeconds(3)).build(wire.dce("module"), scheduler);
        cpu.open(SimulatedCellularModule.LINE);
        channel = new AtChannel(cpu, scheduler, AtClientSettings.DEFAULTS, QuectelModule.URCS, new AtChannelListener() {
            @Override
            public void onUnsolicited(Urc urc) {
                urcs.add(urc.header());
            }

            @Override
            public void onResetRequested(int resets) {
                recovery.add("reset " + resets);
            }

            @Override
            public void onResynchronised() {
                recovery.add("resync");
            }

            @Override
            public void onLineOverflow(int droppedBytes) {
                recovery.add("overflow " + droppedBytes);
            }
        });
    }

    private AtResponse send(String text) {
        return await(channel.send(AtCommand.of(text)).toCompletableFuture(), Duration.ofMinutes(5));
    }

    private <T> T await(CompletableFuture<T> f, Duration limit) {
        for (long i = 0; i < limit.toMillis() / 10 && !f.isDone(); i++) {
            scheduler.advance(Duration.ofMillis(10));
        }
        assertTrue(f.isDone(), "not done within " + limit);
        return f.join();
    }

    @Test
    @DisplayName("HAL-7: commands go out one at a time and each gets its own answer")
    void queuedCommandsInOrder() {
        CompletableFuture<AtResponse> a = channel.send(AtCommand.of("ATE0")).toCompletableFuture();
        CompletableFuture<AtResponse> b = channel.send(AtCommand.of("AT+CGMI")).toCompletableFuture();
        CompletableFuture<AtResponse> c = channel.send(AtCommand.of("AT+CGMM")).toCompletableFuture();
        await(c, Duration.ofSeconds(5));
        assertTrue(a.join().isOk());
        assertEquals(List.of("Quectel"), b.join().lines());
        assertEquals(List.of("EC21"), c.join().lines());
    }

    @Test
    @DisplayName("HAL-7: a late reply after a timeout is discarded; the next command gets its own answer (resync with a marker)")
    void lateReply() {
        send("ATE0");
        module.delayNextReply(Duration.ofSeconds(7)); // AT+CGMI answers 2 s after its 5 s timeout
        AtResponse timedOut = send("AT+CGMI");
        assertInstanceOf(AtResult.Timeout.class, timedOut.result());
        AtResponse next = send("AT+CGMM");
        assertEquals(List.of("EC21"), next.lines());
        assertTrue(module.commands().stream().anyMatch(c -> c.matches("ATE0S7=\\d+S7\\?")), module.commands().toString());
        assertEquals(List.of("resync"), recovery);
    }

    @Test
    @DisplayName("HAL-7: a module answering everything late still gets each answer matched to the right command after resync")
    void everyReplyLate() {
        send("ATE0");
        module.replyDelay(Duration.ofSeconds(6));
        assertInstanceOf(AtResult.Timeout.class, send("AT+CGMI").result());
        module.replyDelay(Duration.ZERO);
        assertEquals(List.of("EC21"), send("AT+CGMM").lines());
        assertEquals(List.of("866123456789012"), send("AT+CGSN").lines());
    }

    @Test
    @DisplayName("HAL-7: a module that answers nothing is probed, then reset (AT+CFUN=1,1 sent blind); when it answers again, commands flow")
    void noAnswerThenReset() {
        send("ATE0");
        module.silent(true);
        assertInstanceOf(AtResult.Timeout.class, send("AT+CSQ").result());
        CompletableFuture<AtResponse> waiting = channel.send(AtCommand.of("AT+CGMM")).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(10)); // 3 probes of 2 s after 300 ms quiet each
        assertTrue(recovery.contains("reset 1"), recovery.toString());
        assertTrue(module.commands().contains("AT+CFUN=1,1"));
        assertInstanceOf(AtResult.Timeout.class, waiting.join().result(), "queued behind a reset: timed out");
        scheduler.advance(Duration.ofMinutes(2));
        assertTrue(recovery.contains("reset 3"), "keeps trying: " + recovery);
        module.silent(false);
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals("resync", recovery.get(recovery.size() - 1));
        assertTrue(send("AT+CSQ").isOk());
    }

    @Test
    @DisplayName("HAL-7: a storm of 500 URCs during a command: all delivered in order and the command answered")
    void urcStorm() {
        send("ATE0");
        send("AT+CREG=2");
        module.register(RegistrationState.REGISTERED_HOME, AccessTechnology.LTE);
        CompletableFuture<AtResponse> csq = channel.send(AtCommand.of("AT+CSQ")).toCompletableFuture();
        module.urcStorm(500);
        scheduler.advance(Duration.ofSeconds(10));
        assertTrue(csq.join().isOk());
        assertEquals(csq.join().value("+CSQ:").isPresent(), true);
        assertEquals(1001, urcs.size());
        assertTrue(urcs.get(1).startsWith("+CREG:") && urcs.get(2).startsWith("+QIND:"), urcs.subList(0, 3).toString());
    }

    @Test
    @DisplayName("HAL-7: garbage bytes and an overlong line give a typed overflow event and lose no answer")
    void garbage() {
        send("ATE0");
        byte[] junk = new byte[3000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (0x80 + i % 100);
        }
        module.sendGarbage(junk);
        module.sendGarbage("\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("EC21"), send("AT+CGMM").lines());
        assertTrue(recovery.contains("overflow 3000"), recovery.toString());
    }

    @Test
    @DisplayName("HAL-7: a module that resets on its own: its RDY is delivered and it answers again after the boot")
    void spontaneousReset() {
        send("ATE0");
        module.reset();
        scheduler.advance(Duration.ofSeconds(4));
        assertEquals(List.of("RDY"), urcs);
        assertTrue(module.echo(), "the reset switched the echo on again");
        AtResponse r = send("AT+CGMM");
        assertEquals(List.of("EC21"), r.lines(), "the echo is skipped");
    }

    @Test
    @DisplayName("HAL-7: a closed channel fails queued commands instead of leaving them hanging")
    void close() {
        CompletableFuture<AtResponse> a = channel.send(AtCommand.of("AT+CGMM")).toCompletableFuture();
        channel.close();
        scheduler.advance(Duration.ofSeconds(1));
        assertTrue(a.isDone());
        assertTrue(a.isCompletedExceptionally() || a.join().isOk());
        CompletableFuture<AtResponse> b = channel.send(AtCommand.of("AT")).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(1));
        assertTrue(b.isCompletedExceptionally());
        assertFalse(recovery.contains("resync"));
    }
}
