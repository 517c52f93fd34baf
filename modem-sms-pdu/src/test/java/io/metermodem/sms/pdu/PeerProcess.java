package io.metermodem.sms.pdu;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one of the independent peer codecs (python3-gammu, node-pdu) through a small script in
 * {@code src/test/resources/peers}, with stdin in and lines out. A missing peer fails the test with
 * the command that installs it; the wall-clock limit only stops a hung process, it asserts nothing.
 */
final class PeerProcess {

    /** Safety limit for one peer run (never an assertion about speed). */
    private static final long LIMIT_SECONDS = 120;

    static final String NODE_PDU_VERSION = "2.1.1";
    static final String INSTALL_GAMMU = "install it with: apt-get install python3-gammu (.ci/run does this)";
    static final String INSTALL_NODE_PDU = "install it with: npm install --prefix modem-sms-pdu/.peers --no-save "
            + "node-pdu@" + NODE_PDU_VERSION + " (.ci/run does this; needs Node.js and npm: apt-get install nodejs npm)";

    private PeerProcess() {
    }

    /** The lines python3-gammu's script prints for {@code input}. */
    static List<String> gammu(String input) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            fail("/usr/bin/python3 is missing, needed for the python3-gammu peer; " + INSTALL_GAMMU);
        }
        List<String> probe = run(List.of(python.toString(), "-c", "import gammu"), Map.of(), "", true);
        if (probe == null) {
            fail("python3-gammu is missing (/usr/bin/python3 cannot import gammu); " + INSTALL_GAMMU);
        }
        return run(List.of(python.toString(), script("gammu_peer.py")), Map.of(), input, false);
    }

    /** The lines node-pdu's script prints for {@code input}. */
    static List<String> nodePdu(String input) throws Exception {
        Path modules = nodeModules();
        Path packageJson = modules.resolve("node-pdu").resolve("package.json");
        if (!Files.isRegularFile(packageJson)) {
            fail("node-pdu is missing (no " + packageJson + "); " + INSTALL_NODE_PDU);
        }
        if (!Files.readString(packageJson).contains("\"version\": \"" + NODE_PDU_VERSION + "\"")) {
            fail("node-pdu in " + modules + " is not version " + NODE_PDU_VERSION + "; " + INSTALL_NODE_PDU);
        }
        if (run(List.of("node", "--version"), Map.of(), "", true) == null) {
            fail("node is missing, needed for the node-pdu peer; " + INSTALL_NODE_PDU);
        }
        return run(List.of("node", script("node_pdu_peer.js")), Map.of("NODE_PATH", modules.toString()), input, false);
    }

    private static Path nodeModules() {
        String override = System.getenv("NODE_PDU_MODULES");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        // Surefire runs in the module's directory; .peers/ is git-ignored.
        return Path.of(".peers", "node_modules").toAbsolutePath();
    }

    private static String script(String name) throws URISyntaxException {
        return Path.of(PeerProcess.class.getResource("/peers/" + name).toURI()).toString();
    }

    /** Runs a command; returns its stdout lines, or null when {@code probe} and it cannot run or fails. */
    private static List<String> run(List<String> command, Map<String, String> env, String input, boolean probe)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if (probe) {
                return null;
            }
            throw e;
        }
        CompletableFuture<byte[]> out = readAll(process.getInputStream());
        CompletableFuture<byte[]> err = readAll(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within the " + LIMIT_SECONDS + " s safety limit");
        }
        if (process.exitValue() != 0) {
            if (probe) {
                return null;
            }
            fail(command + " exited " + process.exitValue() + ": "
                    + new String(err.get(LIMIT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        }
        // bounded too: a child the peer left behind could keep the pipe open
        return new String(out.get(LIMIT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8).lines().toList();
    }

    private static CompletableFuture<byte[]> readAll(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                result.complete(stream.readAllBytes());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** {@code PART k=v ...} lines as maps. */
    static List<Map<String, String>> parts(List<String> lines) {
        List<Map<String, String>> parts = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("PART ")) {
                Map<String, String> fields = new HashMap<>();
                for (String pair : line.substring(5).split(" ")) {
                    int eq = pair.indexOf('=');
                    fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                parts.add(fields);
            }
        }
        return parts;
    }

    /** The value of a {@code JOINED hex} line, decoded. */
    static String joined(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("JOINED ")) {
                return utf8(line.substring(7));
            }
        }
        fail("the peer printed no joined text: " + lines);
        return null;
    }

    static String utf8(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    static String hexUtf8(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The input of a peer's decode command. */
    static String decodeInput(List<EncodedPart> parts) {
        StringBuilder input = new StringBuilder("decode\n");
        for (EncodedPart part : parts) {
            input.append(part.hex()).append('\n');
        }
        return input.toString();
    }

    /** Hex lines the peer printed (its encodings). */
    static List<String> hexLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }
}
