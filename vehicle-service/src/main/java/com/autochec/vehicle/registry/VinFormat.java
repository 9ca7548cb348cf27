package com.autochec.vehicle.registry;

import com.autochec.contracts.vin.InvalidVinException;
import com.autochec.contracts.vin.Vin;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 3779 VIN (see {@link Vin}); null is left to {@code @NotBlank}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VinFormat.Validator.class)
public @interface VinFormat {

    String message() default "is not a valid VIN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VinFormat, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                Vin.parse(value);
                return true;
            } catch (InvalidVinException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(PlateFormat.Validator.escape(e.getMessage()))
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
