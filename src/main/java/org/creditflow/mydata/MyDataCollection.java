package org.creditflow.mydata;

import org.creditflow.mydata.MyDataProperties.CollectedBy;

import org.springframework.stereotype.Component;

/**
 * Who collects each source, as the process asks at its gateways
 * ({@code ${mydataCollection.byWorker('TELECOM')}}): the engine's own step, or the
 * {@code mydata-worker} processes through an external task of the source's topic. Read
 * when an application reaches collection, so a changed setting applies from the next
 * application on, after a restart of the nodes.
 */
@Component("mydataCollection")
public class MyDataCollection {

	private static final String TOPIC_PREFIX = "mydata-";

	private final MyDataProperties properties;

	MyDataCollection(MyDataProperties properties) {
		this.properties = properties;
	}

	public boolean byWorker(String source) {
		return this.properties.source(DataSource.valueOf(source)).collectedBy() == CollectedBy.WORKER;
	}

	/** {@code mydata-financial}, {@code mydata-telecom}. */
	static String topic(DataSource source) {
		return TOPIC_PREFIX + source.name().toLowerCase();
	}

	static boolean isTopic(String topic) {
		return topic != null && topic.startsWith(TOPIC_PREFIX);
	}

	static DataSource source(String topic) {
		if (!isTopic(topic)) {
			throw new IllegalArgumentException("not a MyData topic: " + topic);
		}
		return DataSource.valueOf(topic.substring(TOPIC_PREFIX.length()).toUpperCase());
	}

}
