package io.metermodem.firmware.cli;

import io.metermodem.sms.pdu.Address;
import io.metermodem.sms.pdu.Alphabet;
import io.metermodem.sms.pdu.EncodeOptions;
import io.metermodem.sms.pdu.EncodedPart;
import io.metermodem.sms.pdu.InformationElement;
import io.metermodem.sms.pdu.MalformedPduException;
import io.metermodem.sms.pdu.Sms;
import io.metermodem.sms.pdu.SmsDeliver;
import io.metermodem.sms.pdu.SmsPdu;
import io.metermodem.sms.pdu.SmsStatusReport;
import io.metermodem.sms.pdu.SmsSubmit;
import io.metermodem.sms.pdu.ValidityPeriod;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./modem pdu}: decode and encode SMS PDUs as the cellular module exchanges them in PDU mode
 * (SMS-13), for field teams checking what a module reported or what the firmware will send.
 */
@Command(name = "pdu", mixinStandardHelpOptions = true,
        description = "Decode and encode SMS PDUs (3GPP TS 23.040) as AT+CMGR shows them and AT+CMGS takes them.",
        subcommands = {PduCommand.Decode.class, PduCommand.Encode.class})
final class PduCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ./modem pdu decode HEX}. */
    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Decode one PDU (SMSC prefix first, as +CMGR and +CMT show it) and print its fields.",
                    "Exit code 0 when it decodes, 1 with the field and octet offset of the error otherwise."})
    static final class Decode implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--no-smsc", description = "the PDU is a bare TPDU without the SMSC prefix")
        boolean noSmsc;

        @Parameters(paramLabel = "HEX", description = "the PDU in hex")
        String hex;

        @Override
        public Integer call() {
            Sms sms;
            try {
                sms = noSmsc ? SmsPdu.decodeTpdu(hex) : SmsPdu.decode(hex);
            } catch (MalformedPduException e) {
                spec.commandLine().getErr().printf("malformed PDU: %s%n", e.getMessage());
                return 1;
            }
            print(sms, spec.commandLine().getOut());
            return 0;
        }

        private static void print(Sms sms, PrintWriter out) {
            out.printf("type:         %s%n", SmsPdu.typeName(sms));
            out.printf("smsc:         %s%n", sms.serviceCentre().map(Decode::address).orElse("(none)"));
            switch (sms) {
                case SmsDeliver d -> {
                    out.printf("originator:   %s%n", address(d.originator()));
                    out.printf("time stamp:   %s%n", d.serviceCentreTime());
                    out.printf("pid:          %02X%n", d.protocolId());
                    out.printf("dcs:          %s%n", d.dataCoding());
                    flags(out, d.moreMessagesToSend() ? "more-messages" : "",
                            d.statusReportIndication() ? "status-report-indication" : "", d.replyPath() ? "reply-path" : "");
                }
                case SmsSubmit s -> {
                    out.printf("reference:    %d%n", s.messageReference());
                    out.printf("destination:  %s%n", address(s.destination()));
                    out.printf("validity:     %s%n", validity(s.validityPeriod()));
                    out.printf("pid:          %02X%n", s.protocolId());
                    out.printf("dcs:          %s%n", s.dataCoding());
                    flags(out, s.statusReportRequest() ? "status-report-request" : "",
                            s.rejectDuplicates() ? "reject-duplicates" : "", s.replyPath() ? "reply-path" : "");
                }
                case SmsStatusReport r -> {
                    out.printf("reference:    %d%n", r.messageReference());
                    out.printf("recipient:    %s%n", address(r.recipient()));
                    out.printf("time stamp:   %s%n", r.serviceCentreTime());
                    out.printf("discharged:   %s%n", r.dischargeTime());
                    out.printf("status:       %02X (%s)%n", r.status(), r.delivered() ? "delivered" : "not delivered");
                }
            }
            sms.concat().ifPresent(concat -> out.printf("concatenated: %s%n", concat));
            for (InformationElement element : sms.userData().header()) {
                out.printf("header:       %s%n", element);
            }
            byte[] data = sms.userData().binary();
            if (data.length > 0) {
                out.printf("data:         %s (%d octets)%n", HexFormat.of().withUpperCase().formatHex(data), data.length);
            } else {
                out.printf("text:         %s%n", sms.userData().text());
            }
        }

        private static void flags(PrintWriter out, String... flags) {
            String set = String.join(" ", java.util.Arrays.stream(flags).filter(f -> !f.isEmpty()).toList());
            out.printf("flags:        %s%n", set.isEmpty() ? "(none)" : set);
        }

        private static String address(Address address) {
            return address + " (" + address.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + String.format(", type %02X)", address.typeOctet());
        }

        private static String validity(ValidityPeriod period) {
            return switch (period) {
                case ValidityPeriod.None n -> "(none)";
                case ValidityPeriod.Relative r -> String.format("relative %02X = %s", r.octet(), r.duration());
                case ValidityPeriod.Absolute a -> "until " + a.expiry();
                case ValidityPeriod.Enhanced e -> "enhanced " + e.duration().map(Object::toString).orElse("(no period)");
            };
        }
    }

    /** {@code ./modem pdu encode --to NUMBER TEXT}. */
    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = {"Encode a text as the SMS-SUBMIT PDU(s) to send, split into concatenated parts when long.",
                    "For each part prints the AT+CMGS command with its TPDU length, then the PDU hex (SMSC prefix first)."})
    static final class Encode implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "destination, + for international")
        String to;

        @Option(names = "--smsc", paramLabel = "NUMBER", description = "SMSC to put in the prefix (default: none, 00)")
        String smsc;

        @Option(names = "--ucs2", description = "use UCS-2 even when the GSM 7-bit alphabet has every character")
        boolean ucs2;

        @Option(names = "--ref", paramLabel = "N", defaultValue = "0",
                description = "concatenation reference of a long text (default: ${DEFAULT-VALUE})")
        int reference;

        @Option(names = "--16bit-ref", description = "use a 16-bit concatenation reference")
        boolean sixteenBit;

        @Parameters(paramLabel = "TEXT", description = "the text")
        String text;

        @Override
        public Integer call() {
            List<EncodedPart> parts;
            try {
                EncodeOptions options = EncodeOptions.defaults().withConcatReference(reference, sixteenBit);
                if (smsc != null) {
                    options = options.withServiceCentre(Address.of(smsc));
                }
                if (ucs2) {
                    options = options.withAlphabet(Alphabet.UCS2);
                }
                parts = SmsPdu.encodeSubmit(Address.of(to), text, options);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().printf("cannot encode: %s%n", e.getMessage());
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < parts.size(); i++) {
                EncodedPart part = parts.get(i);
                out.printf("part %d/%d: AT+CMGS=%d%n%s%n", i + 1, parts.size(), part.tpduLength(), part.hex());
            }
            return 0;
        }
    }
}
