package org.creditflow.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN processes and Camunda Forms of {@code processes/}: from the folder on
 * disk when it exists (so a modeller's change needs no rebuild), else from the copy in
 * the jar. Resources are named by their path inside {@code processes/}, wherever they
 * come from, and only a changed resource makes a new deployment, so restarting a node, or
 * starting a second one, does not multiply process versions.
 */
@Component
@Order(Ordering.DEFAULT_ORDER)
class ProcessDeployment extends SpringBootProcessEnginePlugin implements CamundaDeploymentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

	static final String DEPLOYMENT_NAME = "creditflow-processes";

	private static final List<String> EXTENSIONS = List.of(".bpmn", ".form", ".dmn");

	private final Path folder;

	private final ResourcePatternResolver resolver;

	ProcessDeployment(@Value("${creditflow.processes.location:processes}") Path folder,
			ResourcePatternResolver resolver) {
		this.folder = folder;
		this.resolver = resolver;
	}

	@Override
	public void preInit(SpringProcessEngineConfiguration configuration) {
		Set<Resource> resources = getDeploymentResources();
		configuration.setDeploymentResources(resources.toArray(Resource[]::new));
		configuration.setDeploymentName(DEPLOYMENT_NAME);
		configuration.setDeployChangedOnly(true);
	}

	@Override
	public Set<Resource> getDeploymentResources() {
		try {
			Set<Resource> resources = Files.isDirectory(this.folder) ? fromFolder() : fromClasspath();
			if (resources.isEmpty()) {
				throw new IllegalStateException("No processes found in " + this.folder.toAbsolutePath()
						+ " nor in the packaged classpath:processes/");
			}
			return resources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Set<Resource> fromFolder() throws IOException {
		log.info("Deploying processes from {}", this.folder.toAbsolutePath());
		Set<Resource> resources = new LinkedHashSet<>();
		try (Stream<Path> files = Files.walk(this.folder)) {
			for (Path file : files.filter(ProcessDeployment::isDeployable).sorted().toList()) {
				String name = this.folder.relativize(file).toString().replace('\\', '/');
				resources.add(new NamedResource(Files.readAllBytes(file), name));
			}
		}
		return resources;
	}

	private Set<Resource> fromClasspath() throws IOException {
		log.info("Deploying the processes packaged in the application");
		Set<Resource> resources = new LinkedHashSet<>();
		for (Resource resource : this.resolver.getResources("classpath*:processes/**/*")) {
			String url = resource.getURL().toString();
			if (resource.isReadable() && EXTENSIONS.stream().anyMatch(url::endsWith)) {
				String name = url.substring(url.lastIndexOf("/processes/") + "/processes/".length());
				resources.add(new NamedResource(resource.getContentAsByteArray(), name));
			}
		}
		return resources;
	}

	private static boolean isDeployable(Path file) {
		return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(file.getFileName().toString()::endsWith);
	}

	/**
	 * A resource whose description is its deployment name: the engine names byte-array
	 * resources by their description.
	 */
	static final class NamedResource extends ByteArrayResource {

		private final String name;

		NamedResource(byte[] content, String name) {
			super(content, name);
			this.name = name;
		}

		@Override
		public String getDescription() {
			return this.name;
		}

		@Override
		public String getFilename() {
			return this.name;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof NamedResource resource && resource.name.equals(this.name);
		}

		@Override
		public int hashCode() {
			return this.name.hashCode();
		}

	}

}
