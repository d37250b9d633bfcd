package org.creditflow;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Credit review with financial and telecom MyData: one Spring Boot service hosting the
 * Camunda engine, the Drools ruleset and the web doors of every user group.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CreditflowApplication {

	/**
	 * Starts the service, or runs one of the operators' {@link Commands} (such as
	 * {@code create-admin}) and exits.
	 */
	public static void main(String[] args) {
		if (Commands.isCommand(args)) {
			System.exit(Commands.run(args, System.err));
		}
		SpringApplication.run(CreditflowApplication.class, args);
	}

	/**
	 * Korean time: ages, deadlines and dates on decisions are as the applicant lives
	 * them.
	 */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Seoul"));
	}

}
