package com.autochec.vehicle.registry;

import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A plate the French registry can hold: {@link Plate#parse} accepts it and its kind is French (SIV,
 * temporary, garage, FNI); a well-formed foreign plate is refused here. Null is left to {@code @NotBlank}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlateFormat.Validator.class)
public @interface PlateFormat {

    String message() default "is not a valid French plate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlateFormat, String> {

        static final String NOT_FRENCH = "plate must have a French format: AA-123-AA, WW-123-AA, W-123-AA or 123-AB-45";

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            String problem;
            try {
                if (Plate.parse(value).isFrench()) {
                    return true;
                }
                problem = NOT_FRENCH;
            } catch (InvalidPlateException e) {
                problem = e.getMessage();
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(problem)).addConstraintViolation();
            return false;
        }

        /** Messages are templates: escape what the interpolator would interpret. */
        static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
