package io.metermodem.at;

/** Where the interpreter's bytes for the terminal go (a serial port, a TCP socket, a test buffer). */
@FunctionalInterface
public interface AtTerminal {
    /**
     * Sends bytes to the terminal. Called with the interpreter's lock held: must not block for long
     * and must not call back into the interpreter.
     *
     * @param data the bytes; the interpreter does not reuse the array
     */
    void send(byte[] data);
}
