package io.metermodem.transparent.iec;

/**
 * What an {@link IecBaudFollower} tells the transparent bridge about the meter line (TR-11).
 */
public sealed interface BaudFollowerEvent permits SwitchMeterLine, OptionSelectNotFollowed {
}
