package io.metermodem.firmware.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./modem} command: runs the reference WM-E2S firmware and small tools around it.
 * Every command answers {@code --help}.
 */
@Command(name = "modem",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"The metermodem reference firmware for the WM-E2S cellular meter modem, and tools.",
                "Run without a subcommand for this help."},
        subcommands = {RunCommand.class, ReadCommand.class, ConfigCommand.class, SmsCliCommand.class, PduCommand.class,
                CommandLine.HelpCommand.class})
public final class ModemCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured picocli command line, also used by tests */
    public static CommandLine commandLine() {
        return new CommandLine(new ModemCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
