package io.metermodem.transparent.iec;

/**
 * What an {@link IecModeCSession} asks its driver to do. The driver performs the actions of one
 * call in list order, each completely before the next: a {@link Transmit} is done when its last byte
 * has left the UART, so a following {@link ConfigureLine} changes speed only after the message went
 * out at the old one, and a following {@link ArmTimer} starts counting from then.
 */
public sealed interface IecSessionAction
        permits ConfigureLine, Transmit, ArmTimer, CancelTimer, ReadoutCompleted, ReadFailed {
}
