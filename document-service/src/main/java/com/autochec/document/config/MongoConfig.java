package com.autochec.document.config;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Calendar dates are stored as ISO strings (yyyy-MM-dd): no time zone, and they sort. Replaces the
 * platform's conversions bean, so it repeats its native java.time codecs for everything else.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config -> config.useNativeDriverJavaTimeCodecs()
                .registerConverters(List.of(new LocalDateToString(), new StringToLocalDate())));
    }

    @WritingConverter
    static final class LocalDateToString implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToLocalDate implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }
}
