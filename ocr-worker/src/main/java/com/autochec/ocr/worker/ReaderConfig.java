package com.autochec.ocr.worker;

import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.document.DocumentReader;
import com.autochec.ocr.plate.PlateReader;
import com.autochec.ocr.vin.VinReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reading engines, created once and shared by the listener threads (native engines are per thread inside). */
@Configuration(proxyBeanMethods = false)
class ReaderConfig {

    @Bean(destroyMethod = "close")
    PlateReader plateReader(OcrProperties ocr) {
        return PlateReader.create(ocr.plateEngine(), ocr);
    }

    @Bean(destroyMethod = "close")
    VinReader vinReader(OcrProperties ocr) {
        return new VinReader(ocr);
    }

    @Bean(destroyMethod = "close")
    DocumentReader documentReader(OcrProperties ocr) {
        return new DocumentReader(ocr);
    }
}
