package com.autochec.vehicle.registry;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A French plate in any accepted spelling (see {@link Plate}); null is left to {@code @NotBlank}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlateFormat.Validator.class)
public @interface PlateFormat {

    String message() default "is not a valid French plate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlateFormat, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                Plate.parse(value);
                return true;
            } catch (InvalidPlateException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(escape(e.getMessage())).addConstraintViolation();
                return false;
            }
        }

        /** Messages are templates: escape what the interpolator would interpret. */
        static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
