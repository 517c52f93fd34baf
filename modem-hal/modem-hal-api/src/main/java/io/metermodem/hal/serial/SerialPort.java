package io.metermodem.hal.serial;

import java.io.IOException;
import java.time.Duration;

/**
 * An asynchronous serial line (HAL-1..HAL-3): the meter port, the module UART or a console.
 *
 * <p>Received characters go to the {@link SerialListener} when one is set, otherwise into a bounded
 * receive buffer read with {@link #read(byte[], int, int, Duration)}; a character arriving with the
 * buffer full is dropped and reported as {@link LineErrorKind#OVERRUN}. Line settings, control
 * lines, flow control and RS485 mode can change while the port is open.
 *
 * <p>Implementations are safe for use by one writer and one reader thread at a time.
 */
public interface SerialPort extends AutoCloseable {

    /** @return the device or wire name, used in every error message */
    String name();

    /** @return whether this end drives the DTE or the DCE control lines */
    PortRole role();

    /**
     * Opens the line.
     *
     * @param settings baud and frame format
     * @throws SerialPortUnavailableException if the device is missing or busy
     * @throws IllegalStateException          if already open
     * @throws IOException                    on other I/O failures
     */
    void open(LineSettings settings) throws IOException;

    /** @return whether the line is open */
    boolean isOpen();

    /**
     * @return the current settings
     * @throws IllegalStateException if the port was never opened
     */
    LineSettings settings();

    /**
     * Changes baud and format while open (HAL-1), e.g. to follow an IEC 62056-21 baud change.
     * Characters already being transmitted finish at the old settings.
     *
     * @param settings the new settings
     * @throws IllegalStateException    if the port is closed
     * @throws IllegalArgumentException if the speed exceeds what the {@link #rs485Mode()} allows
     * @throws IOException              if the device refused the change
     */
    void reconfigure(LineSettings settings) throws IOException;

    /**
     * Queues characters for transmission; returns without waiting for them to leave the wire.
     *
     * @param data   buffer
     * @param offset first character
     * @param length number of characters
     * @throws IOException if the port is closed or the device failed
     */
    void write(byte[] data, int offset, int length) throws IOException;

    /**
     * Queues all of {@code data} for transmission.
     *
     * @param data the characters
     * @throws IOException if the port is closed or the device failed
     */
    default void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    /**
     * Reads what arrived, waiting up to {@code timeout} for at least one character. Only used when
     * no listener is set.
     *
     * @param buffer  destination
     * @param offset  first position to fill
     * @param length  most characters to read, at least 1
     * @param timeout longest wait on the board's clock
     * @return number of characters read, at least 1; -1 once the port is closed
     * @throws SerialTimeoutException  if nothing arrived in time
     * @throws java.io.InterruptedIOException if the thread was interrupted (the flag stays set)
     * @throws IOException             on device failure
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

    /** @return characters waiting in the receive buffer */
    int available();

    /**
     * Sets where received characters, line errors and control line changes go.
     *
     * @param listener the receiver, or {@code null} to buffer characters for {@link #read}
     */
    void setListener(SerialListener listener);

    /**
     * Drives a control line of this end's {@link #role()}.
     *
     * @param line     a line this end drives
     * @param asserted the level
     * @throws IllegalArgumentException if the other end drives {@code line}
     * @throws IOException              on device failure
     */
    void setControlLine(ControlLine line, boolean asserted) throws IOException;

    /**
     * @param line any control line
     * @return its current level as seen by this end
     */
    boolean controlLine(ControlLine line);

    /**
     * Sets hardware flow control ({@code AT&K}).
     *
     * @param flowControl the mode
     * @throws IOException on device failure
     */
    void setFlowControl(FlowControl flowControl) throws IOException;

    /** @return the flow control mode */
    FlowControl flowControl();

    /**
     * Switches RS485 operation (HAL-3).
     *
     * @param mode the mode
     * @throws IllegalArgumentException if the current speed exceeds {@link Rs485Mode#MAX_BAUD}
     * @throws IOException              on device failure
     */
    void setRs485Mode(Rs485Mode mode) throws IOException;

    /** @return the RS485 mode; {@link Rs485Mode#OFF} for RS232 */
    Rs485Mode rs485Mode();

    /**
     * Holds the line at space for {@code duration}.
     *
     * @param duration how long; at least one character time to be seen as a break
     * @throws IOException if the port is closed or the device failed
     */
    void sendBreak(Duration duration) throws IOException;

    /** Closes the line; characters not yet sent are discarded. Closing twice is harmless. */
    @Override
    void close();
}
