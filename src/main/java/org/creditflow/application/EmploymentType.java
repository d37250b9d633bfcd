package org.creditflow.application;

public enum EmploymentType {

	SALARIED, SELF_EMPLOYED, UNEMPLOYED, STUDENT, RETIRED

}
