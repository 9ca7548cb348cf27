package com.autochec.localstack.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local stack's mail server: GreenMail (SMTP and IMAP, on loopback) receives every e-mail the services send
 * (document-service's expiry alerts) and keeps a copy of each on disk, so that {@code ./autochec mail} can list
 * them after the fact: {@code NNNN.eml} (the raw message), {@code NNNN.txt} (headers decoded, text body) and one
 * line per message in {@code index.tsv} (number, received at, to, subject). Mailboxes are created on first
 * delivery; IMAP logins use the address as user and password.
 *
 * <p>Usage: {@code MailServer --data DIR [--host 127.0.0.1] [--smtp-port 3025] [--imap-port 3143]}
 */
public final class MailServer {

    private MailServer() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(arg(args, "--data", ".autochec/data/mail")).toAbsolutePath();
        String host = arg(args, "--host", "127.0.0.1");
        int smtpPort = Integer.parseInt(arg(args, "--smtp-port", "3025"));
        int imapPort = Integer.parseInt(arg(args, "--imap-port", "3143"));
        Files.createDirectories(data);

        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.stop();
            stop.countDown();
        }, "mail-shutdown"));
        System.out.println("[mail] ready: SMTP " + host + ":" + smtpPort + ", IMAP " + host + ":" + imapPort
                + ", copies in " + data);

        int written = 0;
        int next = existing(data) + 1;
        while (stop.getCount() > 0) {
            MimeMessage[] received = mail.getReceivedMessages();
            for (; written < received.length; written++) {
                save(data, next++, received[written]);
            }
            if (stop.await(300, java.util.concurrent.TimeUnit.MILLISECONDS)) break;
        }
    }

    /** The highest message number already on disk (the numbering goes on across restarts). */
    static int existing(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4,}\\.eml"))
                    .mapToInt(n -> Integer.parseInt(n.substring(0, n.indexOf('.'))))
                    .max().orElse(0);
        }
    }

    static void save(Path data, int number, MimeMessage message) {
        String name = String.format(Locale.ROOT, "%04d", number);
        try {
            try (OutputStream out = Files.newOutputStream(data.resolve(name + ".eml"))) {
                message.writeTo(out);
            }
            String to = addresses(message.getRecipients(Message.RecipientType.TO));
            String subject = String.valueOf(message.getSubject());
            String text = "From: " + addresses(message.getFrom()) + "\nTo: " + to + "\nDate: " + message.getSentDate()
                    + "\nSubject: " + subject + "\n\n" + body(message) + "\n";
            Files.writeString(data.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
            String line = name + "\t" + Instant.now() + "\t" + to + "\t" + subject.replace('\t', ' ').replace('\n', ' ') + "\n";
            Files.writeString(data.resolve("index.tsv"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            System.out.println("[mail] received " + name + " to " + to + ": " + subject);
        } catch (Exception e) {
            System.err.println("[mail] could not save message " + name + ": " + e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : GreenMailUtil.getBody(message);
        } catch (Exception e) {
            return GreenMailUtil.getBody(message);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        return fallback;
    }
}
