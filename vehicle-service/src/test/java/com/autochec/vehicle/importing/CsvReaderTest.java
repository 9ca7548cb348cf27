package com.autochec.vehicle.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsPlainRecordsWithTheirLineNumbers() {
        List<CsvReader.Record> records = CsvReader.read("a,b,c\n1,2,3\r\n\n4,,6");
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 4);
        assertThat(records.get(1).fields()).containsExactly("1", "2", "3");
        assertThat(records.get(2).fields()).containsExactly("4", "", "6");
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvReader.Record> records = CsvReader.read("x,\"1, rue \"\"A\"\"\",\"two\nlines\",y\nnext,1,2,3\n");
        assertThat(records.get(0).fields()).containsExactly("x", "1, rue \"A\"", "two\nlines", "y");
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @Test
    void ignoresAByteOrderMarkAndTrailingNewline() {
        assertThat(CsvReader.read("\uFEFFplate,vin\n")).singleElement().satisfies(r -> assertThat(r.fields())
                .containsExactly("plate", "vin"));
    }

    @Test
    void keepsEmptyTrailingFields() {
        assertThat(CsvReader.read("a,,\n").get(0).fields()).containsExactly("a", "", "");
    }

    @Test
    void reportsAnUnterminatedQuoteWithItsLine() {
        assertThatThrownBy(() -> CsvReader.read("a,b\n1,2\n\"open,3\n4,5\n"))
                .isInstanceOfSatisfying(CsvReader.MalformedCsvException.class, e -> assertThat(e.line())
                        .isEqualTo(3));
    }
}
