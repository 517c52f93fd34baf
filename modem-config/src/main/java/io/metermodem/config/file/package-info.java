/**
 * {@code .cfg} configuration files (CFG-5): {@code name = value} lines that the configuration tool
 * saves, loads and distributes to many modems.
 *
 * <p>{@link io.metermodem.config.file.CfgFile#parse(byte[], io.metermodem.config.ParameterRegistry)}
 * validates a whole file and returns either a transaction ready to apply or every error, each
 * naming its line; input is bounded in size, line length and line count, must be strict UTF-8 and
 * may not contain binary data. {@link io.metermodem.config.file.CfgFile#export} writes every
 * parameter, passwords as their hash form, so an export imports back to an equal configuration.
 */
package io.metermodem.config.file;
