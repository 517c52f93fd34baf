package io.metermodem.firmware.cli;

import picocli.CommandLine;

/** Reports the SDK version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ModemCli.class.getPackage().getImplementationVersion();
        return new String[] {"metermodem " + (version == null ? "development build" : version),
                "Java " + Runtime.version()};
    }
}
