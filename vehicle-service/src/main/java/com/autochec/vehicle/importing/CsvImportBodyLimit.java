package com.autochec.vehicle.importing;

import com.autochec.platform.PlatformProperties;
import com.autochec.platform.web.servlet.RequestBodyLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CSV import ({@code POST /api/vehicles/import}, {@code text/csv}) reads up to
 * {@code autochec.vehicle.import-max-size} and answers 413 itself; every other body keeps the
 * platform's JSON limit. Work-around: the platform's {@link RequestBodyLimitFilter} limits every
 * non-multipart body and has no per-endpoint exemption, so its filter is swapped for one that lets
 * this one request through.
 */
@Configuration(proxyBeanMethods = false)
class CsvImportBodyLimit {

    static final String IMPORT_PATH = "/api/vehicles/import";

    @Bean
    static BeanPostProcessor csvImportExemptFromJsonBodyLimit(ObjectProvider<PlatformProperties> platform) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof FilterRegistrationBean<?> registration
                        && registration.getFilter() instanceof RequestBodyLimitFilter
                        && !(registration.getFilter() instanceof ExemptingCsvImport)) {
                    long limit = platform.getObject().web().maxJsonBody().toBytes();
                    ((FilterRegistrationBean<RequestBodyLimitFilter>) registration).setFilter(new ExemptingCsvImport(limit));
                }
                return bean;
            }
        };
    }

    static final class ExemptingCsvImport extends RequestBodyLimitFilter {

        ExemptingCsvImport(long limit) {
            super(limit);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return super.shouldNotFilter(request) || isCsvImport(request);
        }

        static boolean isCsvImport(HttpServletRequest request) {
            String contentType = request.getContentType();
            return "POST".equals(request.getMethod())
                    && (request.getContextPath() + IMPORT_PATH).equals(request.getRequestURI())
                    && contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
        }
    }
}
