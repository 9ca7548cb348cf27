package com.autochec.report.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookUrlsTest {

    /** A resolver with fixed answers, so the test needs no DNS. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        Map<String, String> names = Map.of(
                "hooks.example.com", "93.184.216.34",
                "internal.example.com", "10.1.2.3",
                "metadata.example.com", "169.254.169.254",
                "localhost", "127.0.0.1");
        String address = names.getOrDefault(host, host);
        if (!Character.isDigit(address.charAt(0)) && !address.contains(":")) throw new UnknownHostException(host);
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private static final WebhookUrls STRICT = new WebhookUrls(false, WebhookUrlsTest::resolve);
    private static final WebhookUrls LOCAL = new WebhookUrls(true, WebhookUrlsTest::resolve);

    @ParameterizedTest(name = "{0} -> strict {1}, local stack {2}")
    @CsvSource({
        "https://hooks.example.com/autochec, ok, ok",
        "https://93.184.216.34:8443/in?x=1, ok, ok",
        "https://[2606:2800:220:1:248:1893:25c8:1946]/in, ok, ok",
        "http://hooks.example.com/in, https, https",
        "ftp://hooks.example.com/in, https, https",
        "https://user:pw@hooks.example.com/in, credentials, credentials",
        "https://hooks.example.com/in#frag, fragment, fragment",
        "/relative/path, absolute, absolute",
        "https://unknown.invalid/in, unresolvable, unresolvable",
        "https://internal.example.com/in, private, private",
        "https://10.0.0.1/in, private, private",
        "https://172.16.5.4/in, private, private",
        "https://192.168.1.10/in, private, private",
        "https://100.64.0.1/in, private, private",
        "https://169.254.169.254/latest/meta-data, private, private",
        "https://metadata.example.com/, private, private",
        "https://0.0.0.0/in, private, private",
        "https://[fd00::1]/in, private, private",
        "https://[fe80::1]/in, private, private",
        "https://224.0.0.1/in, private, private",
        "https://127.0.0.1/in, local, ok",
        "http://127.0.0.1:9999/in, local, ok",
        "http://localhost:9999/in, local, ok",
        "http://[::1]:9999/in, local, ok",
    })
    void acceptsOnlyHttpsOnPublicAddresses(String url, String strict, String local) {
        assertThat(kind(STRICT, url)).as("strict " + url).isEqualTo(strict);
        assertThat(kind(LOCAL, url)).as("local stack " + url).isEqualTo(local);
    }

    private static String kind(WebhookUrls urls, String url) {
        return urls.problem(url).map(problem -> {
            if (problem.startsWith("seul https")) return "https";
            if (problem.startsWith("pas d'identifiants")) return "credentials";
            if (problem.startsWith("pas de fragment")) return "fragment";
            if (problem.startsWith("adresse absolue")) return "absolute";
            if (problem.startsWith("hôte introuvable")) return "unresolvable";
            if (problem.startsWith("adresse privée")) return "private";
            if (problem.startsWith("adresse locale")) return "local";
            return problem;
        }).orElse("ok");
    }
}
