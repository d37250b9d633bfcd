package org.creditflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one application context every integration test shares: the whole service on a
 * random port with the job executor running, as in production. Sharing it keeps the suite
 * fast, and on PostgreSQL it avoids two differently configured engines acquiring each
 * other's jobs. Metrics are exported as in production (Spring Boot's tests leave that out
 * unless asked), so the tests scrape what Prometheus scrapes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
public @interface CreditflowIntegrationTest {

}
