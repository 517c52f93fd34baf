package io.metermodem.firmware.cli;

import io.metermodem.config.ParameterRegistry;
import io.metermodem.firmware.StateDirectory;
import io.metermodem.hal.cellular.PhoneNumber;
import io.metermodem.hal.mock.VirtualScheduler;
import io.metermodem.sms.command.PasswordThrottle;
import io.metermodem.sms.command.SmsCommandProcessor;
import io.metermodem.sms.command.SmsOutcome;
import io.metermodem.sms.mread.MeterRegisterReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./modem sms --state DIR [--from NUMBER] [--dry-run] TEXT}: processes one SMS command text
 * (manual 4.6) against a state directory exactly as the modem would, and prints the reply. Like a
 * real modem it commits changes to the state's configuration store; {@code --dry-run} works on a
 * temporary copy of the state and changes nothing. Unlike the modem, it tells why an SMS would be
 * dropped without reply (the operator holds the state anyway). No meter is attached, so
 * {@code mread} answers {@code mread failed: no meter}; {@code ATR} prints its reply and notes the
 * restart a modem would do.
 */
@Command(name = "sms", mixinStandardHelpOptions = true,
        description = {"Process one SMS command (pw=<password>.cmd=...) against a modem state directory and print the reply.",
                "Commits like a real modem; --dry-run leaves the state untouched.",
                "Exit code 0: a reply; 2: the modem would drop the SMS without reply (the reason goes to stderr); 1: error."})
final class SmsCliCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--state", paramLabel = "DIR", description = "state directory of ./modem run (default: ${DEFAULT-VALUE})",
            defaultValue = "state")
    Path state;

    @Option(names = "--from", paramLabel = "NUMBER", description = "sender's number (default: ${DEFAULT-VALUE})",
            defaultValue = "+0")
    String from;

    @Option(names = "--dry-run", description = "work on a temporary copy of the state: nothing is committed")
    boolean dryRun;

    @Parameters(paramLabel = "TEXT", description = "the SMS text, e.g. 'cmd=?conn.apn_name' (\\r\\n as four characters separates commands)")
    String text;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PhoneNumber.require(from);
        } catch (IllegalArgumentException e) {
            err.println("--from: " + e.getMessage());
            return 1;
        }
        Path dir = dryRun ? copyOf(state) : state;
        try (StateDirectory stateDir = StateDirectory.open(dir, ParameterRegistry.wmE2s())) {
            SmsCommandProcessor processor = new SmsCommandProcessor(stateDir.configuration(), new VirtualScheduler(),
                    new PasswordThrottle(PasswordThrottle.Settings.DEFAULT), MeterRegisterReader.NONE);
            SmsOutcome outcome = processor.process(from, text).toCompletableFuture().join();
            switch (outcome) {
                case SmsOutcome.Reply reply -> {
                    out.print(reply.text().replace("\r\n", System.lineSeparator()));
                    if (!reply.text().endsWith("\r\n")) {
                        out.println();
                    }
                    out.flush();
                    if (reply.restartAfterReply()) {
                        err.println("(a modem restarts after sending this reply)");
                    }
                    if (dryRun) {
                        err.println("(dry run: nothing was committed)");
                    }
                    return 0;
                }
                case SmsOutcome.Dropped dropped -> {
                    err.println("no reply: the modem drops this SMS (" + dropped.reason() + ")");
                    return 2;
                }
            }
        } finally {
            if (dryRun) {
                deleteTree(dir);
            }
        }
    }

    /** Copies the state's files into a new temporary directory (a missing state gives an empty one). */
    private static Path copyOf(Path state) throws IOException {
        Path copy = Files.createTempDirectory("modem-sms-dry-run");
        if (Files.isDirectory(state)) {
            try (Stream<Path> files = Files.list(state)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) {
                        Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return copy;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
