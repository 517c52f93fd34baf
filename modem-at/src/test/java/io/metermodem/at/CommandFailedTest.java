package io.metermodem.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.metermodem.hal.serial.FlowControl;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A command that throws is answered ERROR and reported, not only logged (AT-22). */
class CommandFailedTest {

    @Test
    @DisplayName("AT-12, AT-22: a DCD driver that throws makes AT&C0 answer ERROR, reports CommandFailed, and the next line runs")
    void failureIsReported() {
        IllegalStateException broken = new IllegalStateException("DCD driver gone");
        try (InterpreterRun rig = new InterpreterRun(AtInterface.LOCAL)) {
            List<AtEvent> events = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AtInterpreter at = AtInterpreter.builder().scheduler(rig.board.scheduler())
                    .cellularModule(rig.board.cellularModule()).configuration(rig.config)
                    .terminal(out::writeBytes).events(events::add)
                    .lines(new TerminalLines() {
                        @Override
                        public void setDcd(boolean asserted) {
                            if (asserted) {
                                throw broken;
                            }
                        }

                        @Override
                        public void setFlowControl(FlowControl flowControl) {
                        }
                    }).build();
            at.receive("ATE0&C0\r");
            assertEquals("ATE0&C0\r\r\nERROR\r\n", out.toString(StandardCharsets.ISO_8859_1));
            AtEvent.CommandFailed failed = assertInstanceOf(AtEvent.CommandFailed.class, events.get(0));
            assertEquals("E0&C0", failed.line());
            assertEquals(new AtCommand(AtCommand.Kind.BASIC, "&C", AtCommand.Form.EXEC, 0, ""), failed.command());
            assertSame(broken, failed.failure());
            assertEquals(new AtEvent.LineExecuted("E0&C0", ResultCode.ERROR), events.get(1));
            out.reset();
            at.receive("AT\r");
            assertEquals("\r\nOK\r\n", out.toString(StandardCharsets.ISO_8859_1), "E0 ran before the failure");
            at.close();
        }
    }
}
