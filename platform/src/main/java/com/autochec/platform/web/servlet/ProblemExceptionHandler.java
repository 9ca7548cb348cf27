package com.autochec.platform.web.servlet;

import com.autochec.platform.kafka.FailureClassifier;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.problem.Problems;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a controller raises becomes an {@code application/problem+json} body with a stable
 * {@code type}: {@link ApiProblem}s as raised, Spring MVC's own errors with the platform's types,
 * validation errors with their fields. Bad input is always a 4xx; only an unexpected failure of the
 * service is a 500, with no internals in its body.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        return respond(problem.toProblemDetail(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e, WebRequest request) {
        return respond(Problems.detail(ProblemType.FORBIDDEN, "Your role does not allow this request."), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        return respond(
                Problems.detail(ProblemType.UNAUTHORIZED, "The bearer token is missing, invalid or expired."), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return respond(
                ApiProblem.validation(e.getName(), "has the wrong type").toProblemDetail(), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, WebRequest request) {
        if (e instanceof MaxUploadSizeExceededException || RequestBodyLimitFilter.causedByTooLargeBody(e)) {
            return respond(Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The upload is too large."), request);
        }
        return respond(Problems.detail(ProblemType.MALFORMED_REQUEST, "The multipart request could not be read."), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (e instanceof ErrorResponse error) { // e.g. ResponseStatusException raised by a controller
            return respond(Problems.normalise(error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale())),
                    request);
        }
        if (RequestBodyLimitFilter.causedByTooLargeBody(e)) {
            return respond(Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large."), request);
        }
        if (FailureClassifier.isTransient(e)) {
            // the database or the broker is unavailable: the request may succeed later, it is not this service's bug
            log.warn("Request failed on an unavailable dependency: {}", e.toString());
            ResponseEntity<Object> unavailable = respond(
                    Problems.detail(ProblemType.UNAVAILABLE, "A service this request needs is unavailable. Try again shortly."),
                    request);
            return ResponseEntity.status(unavailable.getStatusCode())
                    .headers(unavailable.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(unavailable.getBody());
        }
        log.error("Unexpected failure", e);
        return respond(Problems.detail(ProblemType.INTERNAL, "The request could not be processed."), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        return respond(ApiProblem.validation(sorted(errors)).toProblemDetail(), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldError(name, error.getDefaultMessage()));
            }
        });
        return respond(ApiProblem.validation(sorted(errors)).toProblemDetail(), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimitFilter.causedByTooLargeBody(ex)) {
            return respond(Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large."), request);
        }
        return respond(
                Problems.detail(
                        ProblemType.MALFORMED_REQUEST,
                        "The request body is missing, is not valid JSON or has a value of the wrong type."),
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ApiProblem.validation(ex.getRequestPartName(), "is required").toProblemDetail(), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ApiProblem.validation(ex.getParameterName(), "is required").toProblemDetail(), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The upload is too large."), request);
    }

    /** Gives every other Spring MVC problem (404, 405, 406, 415…) the platform's type and the request path. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            withInstance(Problems.normalise(problem), request);
            HttpHeaders withType = new HttpHeaders();
            withType.putAll(headers);
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, withType, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Field errors in a stable order (by field, then message): the validator's own order is not. */
    private static List<FieldError> sorted(List<FieldError> errors) {
        return errors.stream()
                .sorted(java.util.Comparator.comparing(FieldError::field, java.util.Comparator.nullsFirst(String::compareTo))
                        .thenComparing(FieldError::message, java.util.Comparator.nullsFirst(String::compareTo)))
                .toList();
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(problem, request));
    }

    private static ProblemDetail withInstance(ProblemDetail problem, WebRequest request) {
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            try {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // an undecodable path: leave instance out
            }
        }
        return problem;
    }

    static HttpStatus statusOf(ProblemDetail problem) {
        return HttpStatus.valueOf(problem.getStatus());
    }
}
