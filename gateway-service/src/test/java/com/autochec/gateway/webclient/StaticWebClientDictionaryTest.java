package com.autochec.gateway.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web client's one dictionary (static/js/i18n.js) has every screen text the modules ask for, in French and in
 * English, and the service worker's app shell lists every module (an offline reload must find them all).
 */
class StaticWebClientDictionaryTest {

    private static final Path STATIC = Path.of("src/main/resources/static");

    @Test
    void everyTextKeyUsedByTheScreensExistsInFrenchAndInEnglish() throws IOException {
        String dictionary = Files.readString(STATIC.resolve("js/i18n.js"), StandardCharsets.UTF_8);
        int english = dictionary.indexOf("\n  en: {");
        int codes = dictionary.indexOf("const CODES");
        assertThat(english).isPositive();
        String french = dictionary.substring(0, english);
        String englishPart = dictionary.substring(english, codes);
        Set<String> used = new TreeSet<>();
        Pattern call = Pattern.compile("\\bt\\('([a-zA-Z0-9.]+)'");
        try (Stream<Path> files = Files.walk(STATIC.resolve("js"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = call.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) used.add(m.group(1));
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        for (String key : used) {
            assertThat(french).as("French text for %s", key).contains("'" + key + "':");
            assertThat(englishPart).as("English text for %s", key).contains("'" + key + "':");
        }
    }


    @Test
    void everyReasonCodeOfTheRulesIsTranslatedInFrenchAndInEnglish() throws IOException {
        String dictionary = Files.readString(STATIC.resolve("js/i18n.js"), StandardCharsets.UTF_8);
        int start = dictionary.indexOf("\n  reason: {");
        assertThat(start).isPositive();
        String reasons = dictionary.substring(start, dictionary.indexOf("\n  },", start));
        String rules = Files.readString(Path.of("../docs/rules.md"), StandardCharsets.UTF_8);
        Set<String> codes = new TreeSet<>();
        Pattern code = Pattern.compile("`([A-Z][A-Z_]{3,})`");
        for (String line : rules.split("\n")) {
            String[] cells = line.split("\\|", -1);
            if (!line.startsWith("|") || cells.length < 7) continue;   // the rule table: family | code | severity | when | evidence
            Matcher m = code.matcher(cells[2]);
            while (m.find()) codes.add(m.group(1));
        }
        assertThat(codes).contains("INSURANCE_VALID", "INSPECTION_COUNTER_VISIT_PENDING", "READING_UNCERTAIN").hasSizeGreaterThan(30);
        Pattern entry = Pattern.compile("\\b([A-Z][A-Z_]+): \\['[^']+', '[^']+'\\]");
        Set<String> translated = new TreeSet<>();
        Matcher m = entry.matcher(reasons);
        while (m.find()) translated.add(m.group(1));
        assertThat(translated).as("reason codes with a French and an English text").containsAll(codes);
    }

    @Test
    void theAppShellListsEveryModule() throws IOException {
        String sw = Files.readString(STATIC.resolve("sw.js"), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(STATIC.resolve("js"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String path = "/" + STATIC.relativize(file).toString().replace('\\', '/');
                assertThat(sw).as("sw.js caches %s", path).contains("'" + path + "'");
            }
        }
    }
}
