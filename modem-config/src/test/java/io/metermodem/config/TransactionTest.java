package io.metermodem.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransactionTest {

    private final Configuration defaults = TestRegistries.FAST.defaults();

    @Test
    @DisplayName("CFG-1: a valid transaction yields the next configuration and what changed")
    void accepted() {
        ChangeResult r = Transaction.builder().set("conn.apn_name", "net").set("tm.baud", "19200")
                .set("rs485.dcd", "STANDARD").build().validate(defaults);
        ChangeResult.Accepted a = assertInstanceOf(ChangeResult.Accepted.class, r);
        assertEquals("net", a.next().text("conn.apn_name"));
        assertEquals(19200, a.next().intValue("tm.baud"));
        assertEquals(Set.of("conn.apn_name", "tm.baud"), a.changed());
        assertTrue(a.restartRequired());
        assertEquals("", defaults.text("conn.apn_name"), "the base snapshot is immutable");
    }

    @Test
    @DisplayName("CFG-1: every error is reported together and nothing changes")
    void allErrorsTogether() {
        ChangeResult r = Transaction.builder()
                .set("conn.apn_name", "good")
                .set("no.such", "1")
                .set("tm.baud", "12345")
                .set("tm.verify", "1")
                .set("tm.verify", "0")
                .build().validate(defaults);
        ChangeResult.Rejected rejected = assertInstanceOf(ChangeResult.Rejected.class, r);
        assertEquals(List.of(ParameterError.Kind.UNKNOWN_NAME, ParameterError.Kind.BAD_VALUE,
                ParameterError.Kind.DUPLICATE), rejected.errors().stream().map(ParameterError::kind).toList());
        assertEquals(List.of("no.such", "tm.baud", "tm.verify"),
                rejected.errors().stream().map(ParameterError::name).toList());
        assertTrue(rejected.errors().get(1).reason().contains("12345"));
    }

    @Test
    @DisplayName("TR-3: the customer port must differ from the utility port (rule across parameters)")
    void portsMustDiffer() {
        ChangeResult r = Transaction.builder().set("m2m.customer_port", "9000").build().validate(defaults);
        ChangeResult.Rejected rejected = assertInstanceOf(ChangeResult.Rejected.class, r);
        assertEquals(ParameterError.Kind.CONFLICT, rejected.errors().getFirst().kind());
    }

    @Test
    @DisplayName("PWR-2, NET-5: Last Gasp needs a number, manual operator selection needs an operator")
    void dependentSettings() {
        assertInstanceOf(ChangeResult.Rejected.class,
                Transaction.builder().set("amm.last_gasp", "1").build().validate(defaults));
        assertInstanceOf(ChangeResult.Accepted.class, Transaction.builder().set("amm.last_gasp", "1")
                .set("amm.last_gasp_number", "+36301234567").build().validate(defaults));
        assertInstanceOf(ChangeResult.Rejected.class,
                Transaction.builder().set("net.operator_mode", "manual").build().validate(defaults));
    }

    @Test
    @DisplayName("CFG-4: LED-only changes need no restart; setting the current value changes nothing")
    void restartOnlyWhenNeeded() {
        ChangeResult.Accepted led = assertInstanceOf(ChangeResult.Accepted.class,
                Transaction.builder().set("led.led1", "firmware").build().validate(defaults));
        assertFalse(led.restartRequired());
        ChangeResult.Accepted same = assertInstanceOf(ChangeResult.Accepted.class,
                Transaction.builder().set("tm.baud", "9600").build().validate(defaults));
        assertTrue(same.changed().isEmpty());
        assertSame(defaults, same.next());
    }

    @Test
    @DisplayName("CFG-3: reset puts a parameter back to its default")
    void resetToDefault() {
        Configuration changed = ((ChangeResult.Accepted) Transaction.builder().set("tm.baud", "300").build()
                .validate(defaults)).next();
        ChangeResult.Accepted a = assertInstanceOf(ChangeResult.Accepted.class,
                Transaction.builder().reset("tm.baud").build().validate(changed));
        assertEquals(9600, a.next().intValue("tm.baud"));
    }

    @Test
    @DisplayName("SMS-9: certreset sets the eight TLS parameters to 0")
    void certReset() {
        Transaction.Builder b = Transaction.builder();
        Transaction.CERT_RESET_PARAMETERS.forEach(n -> b.set(n, n.endsWith("cert") ? "3" : "1"));
        Configuration tls = ((ChangeResult.Accepted) b.build().validate(defaults)).next();
        ChangeResult.Accepted a = assertInstanceOf(ChangeResult.Accepted.class,
                Transaction.certReset().validate(tls));
        for (String n : Transaction.CERT_RESET_PARAMETERS) {
            assertEquals(0, a.next().intValue(n), n);
        }
    }

    @Test
    @DisplayName("CFG-1: a transaction is bounded; past the limit it is refused")
    void bounded() {
        Transaction.Builder b = Transaction.builder();
        for (int i = 0; i < Transaction.MAX_CHANGES + 5; i++) {
            b.set("led.led1", "gsm");
        }
        assertEquals(Transaction.MAX_CHANGES, b.size());
        ChangeResult.Rejected r = assertInstanceOf(ChangeResult.Rejected.class, b.build().validate(defaults));
        assertEquals(ParameterError.Kind.TOO_MANY_CHANGES, r.errors().getFirst().kind());
    }

    @Test
    @DisplayName("SEC-5: a transaction's toString never shows values")
    void toStringHidesValues() {
        String s = Transaction.builder().set("csd.password", "hunter2").build().toString();
        assertFalse(s.contains("hunter2"));
        assertTrue(s.contains("csd.password"));
    }
}
