/**
 * Password hashes for the configuration, communication and CSD passwords (CFG-6, SEC-5, SMS-2).
 *
 * <p>A password is never stored, exported or logged: the configuration keeps a salted PBKDF2 hash
 * ({@link io.metermodem.config.password.PasswordHash}) and can only answer whether a candidate
 * matches it, in time that does not depend on where the candidate differs.
 */
package io.metermodem.config.password;
