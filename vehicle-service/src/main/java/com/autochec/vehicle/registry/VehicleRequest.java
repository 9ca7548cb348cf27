package com.autochec.vehicle.registry;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.Vin;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * A vehicle as an administrator (API body) or an import row gives it. The same constraints apply to
 * both; {@link #toData} normalises plate and VIN.
 */
public record VehicleRequest(
        @NotBlank @PlateFormat String plate,
        @NotBlank @VinFormat String vin,
        @NotBlank @Size(max = 60) String make,
        @NotBlank @Size(max = 60) String model,
        @Size(max = 120) String variant,
        @NotNull @Min(1886) @Max(2100) Integer year,
        @Size(max = 40) String colour,
        @Size(max = 40) String category,
        @Size(max = 40) String fuel,
        @Min(1) @Max(999) Integer fiscalPower,
        @Min(1) @Max(2000) Integer powerKw,
        @PastOrPresent LocalDate firstRegistration,
        @Valid OwnerRequest owner) {

    /** Call only once the request is valid. */
    public VehicleData toData(Supplier<String> ownerIdFallback) {
        return new VehicleData(
                Plate.parse(plate).value(),
                Vin.parse(vin).value(),
                make.strip(),
                model.strip(),
                OwnerRequest.blankToNull(variant),
                year,
                OwnerRequest.blankToNull(colour),
                OwnerRequest.blankToNull(category),
                OwnerRequest.blankToNull(fuel),
                fiscalPower,
                powerKw,
                firstRegistration,
                owner == null ? null : owner.toOwner(ownerIdFallback.get()));
    }
}
