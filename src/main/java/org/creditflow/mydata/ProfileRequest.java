package org.creditflow.mydata;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What creditflow sends a MyData provider: who the person is, nothing more. The provider
 * answers with the profile of that person.
 */
record ProfileRequest(@NotBlank String name, @NotNull LocalDate birthDate, @NotBlank String phone) {
}
