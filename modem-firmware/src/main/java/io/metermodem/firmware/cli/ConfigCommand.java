package io.metermodem.firmware.cli;

import io.metermodem.config.ChangeOutcome;
import io.metermodem.config.ParameterError;
import io.metermodem.config.ParameterRegistry;
import io.metermodem.config.file.CfgError;
import io.metermodem.config.file.CfgFile;
import io.metermodem.config.file.CfgParseResult;
import io.metermodem.firmware.StateDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./modem config}: check, import and export {@code .cfg} configuration files (CFG-5), against
 * the state directory that {@code ./modem run --state DIR} keeps its flash in.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check, import and export WM-E2S configuration files (name = value lines).",
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Import.class, ConfigCommand.Export.class})
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads and parses a file; prints errors and returns null when it is not valid. */
    static CfgParseResult.Parsed parse(Path file, ParameterRegistry registry, PrintWriter err) throws IOException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > CfgFile.MAX_FILE_BYTES) {
                err.printf("%s: %d bytes, larger than the %d a configuration file may have%n", file, size, CfgFile.MAX_FILE_BYTES);
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.printf("%s: no such file%n", file);
            return null;
        }
        return switch (CfgFile.parse(bytes, registry)) {
            case CfgParseResult.Parsed parsed -> parsed;
            case CfgParseResult.Failed failed -> {
                for (CfgError error : failed.errors()) {
                    err.printf("%s:%s%n", file, error);
                }
                err.printf("%s: %d error(s); nothing applied%n", file, failed.errors().size());
                yield null;
            }
        };
    }

    /** {@code ./modem config check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a configuration file without applying it.",
                    "Exit code 0 when valid, 1 with one line per error (FILE:line N: ...) otherwise."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the .cfg file")
        Path file;

        @Override
        public Integer call() throws IOException {
            ParameterRegistry registry = ParameterRegistry.wmE2s();
            CfgParseResult.Parsed parsed = parse(file, registry, spec.commandLine().getErr());
            if (parsed == null) {
                return 1;
            }
            // Values can be fine one by one and still conflict (e.g. equal ports): validate the whole.
            var result = parsed.transaction().validate(registry.defaults());
            if (result instanceof io.metermodem.config.ChangeResult.Rejected rejected) {
                for (ParameterError error : rejected.errors()) {
                    spec.commandLine().getErr().printf("%s:%s%s%n", file,
                            parsed.lineOf(error.name()).stream().mapToObj(l -> "line " + l + ": ").findFirst().orElse(" "), error);
                }
                return 1;
            }
            spec.commandLine().getOut().printf("%s: valid, %d setting(s)%n", file, parsed.transaction().changes().size());
            return 0;
        }
    }

    /** {@code ./modem config import --state DIR FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Apply a configuration file to the modem's stored configuration: all of it, or nothing on any error.",
                    "Prints the manual's result code: 0 success, -1 flash and RAM copies differ, -2 invalid."})
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--state", paramLabel = "DIR", description = "state directory of ./modem run (default: ${DEFAULT-VALUE})",
                defaultValue = "state")
        Path state;

        @Parameters(paramLabel = "FILE", description = "the .cfg file")
        Path file;

        @Override
        public Integer call() throws IOException {
            ParameterRegistry registry = ParameterRegistry.wmE2s();
            PrintWriter err = spec.commandLine().getErr();
            CfgParseResult.Parsed parsed = parse(file, registry, err);
            if (parsed == null) {
                return 1;
            }
            try (StateDirectory dir = StateDirectory.open(state, registry)) {
                ChangeOutcome outcome = dir.configuration().apply(parsed.transaction());
                if (outcome instanceof ChangeOutcome.Invalid invalid) {
                    for (ParameterError error : invalid.errors()) {
                        err.printf("%s:%s%s%n", file, parsed.lineOf(error.name()).stream()
                                .mapToObj(l -> "line " + l + ": ").findFirst().orElse(" "), error);
                    }
                }
                spec.commandLine().getOut().printf("Configuration structure changed result: %d%n", outcome.errorCode());
                return outcome.errorCode() == 0 ? 0 : 1;
            }
        }
    }

    /** {@code ./modem config export --state DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print the stored configuration as a .cfg file (passwords as their hashes; import takes them back).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--state", paramLabel = "DIR", description = "state directory of ./modem run (default: ${DEFAULT-VALUE})",
                defaultValue = "state")
        Path state;

        @Override
        public Integer call() throws IOException {
            ParameterRegistry registry = ParameterRegistry.wmE2s();
            try (StateDirectory dir = StateDirectory.open(state, registry)) {
                spec.commandLine().getOut().print(CfgFile.export(dir.configuration().current(), registry));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
