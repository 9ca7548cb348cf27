package com.autochec.vehicle.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes (a quote inside a quoted field is
 * doubled; quoted fields may span lines), CRLF or LF line ends, a leading UTF-8 BOM ignored, blank
 * lines skipped. Each record keeps the line it starts on, for error reports.
 */
final class CsvReader {

    record Record(int line, List<String> fields) {}

    /** A record that cannot be read (unterminated quote); everything after it is unreadable too. */
    static final class MalformedCsvException extends RuntimeException {
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private CsvReader() {}

    static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        int length = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < length) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            boolean anyContent = false;
            while (!endOfRecord) {
                if (i >= length) {
                    break;
                }
                char c = text.charAt(i);
                if (c == '"' && field.isEmpty()) {
                    anyContent = true;
                    i++;
                    boolean closed = false;
                    while (i < length) {
                        char q = text.charAt(i);
                        if (q == '"') {
                            if (i + 1 < length && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (q == '\n') {
                            line++;
                        }
                        field.append(q);
                        i++;
                    }
                    if (!closed) {
                        throw new MalformedCsvException(recordLine, "unterminated quoted field");
                    }
                    // after a closing quote only a separator or a line end may follow
                    while (i < length && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        field.append(text.charAt(i));
                        i++;
                    }
                } else if (c == ',') {
                    anyContent = true;
                    fields.add(field.toString());
                    field.setLength(0);
                    i++;
                } else if (c == '\r' || c == '\n') {
                    i += (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') ? 2 : 1;
                    line++;
                    endOfRecord = true;
                } else {
                    anyContent = true;
                    field.append(c);
                    i++;
                }
            }
            fields.add(field.toString());
            if (anyContent) {
                records.add(new Record(recordLine, List.copyOf(fields)));
            }
        }
        return records;
    }
}
