package io.metermodem.transparent.iec;

/**
 * The HES sent an option select the follower cannot act on (a reserved baud digit); the meter line
 * stays as it was. The bridge should log it: the exchange will probably fail.
 *
 * @param optionSelect the message
 * @param reason       why it was not followed
 */
public record OptionSelectNotFollowed(AckOptionSelect optionSelect, String reason) implements BaudFollowerEvent {

    /**
     * @throws IllegalArgumentException if a field is missing
     */
    public OptionSelectNotFollowed {
        if (optionSelect == null || reason == null) {
            throw new IllegalArgumentException("optionSelect and reason are required");
        }
    }
}
