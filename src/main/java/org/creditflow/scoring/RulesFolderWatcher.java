package org.creditflow.scoring;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Watches the rules folder on disk and validates the candidate once the files have been
 * quiet for a moment (an editor saves in several writes), logging its problems, so that a
 * risk analyst sees them at once (and {@code GET /api/rulesets/candidate} answers without
 * waiting). Saving never changes the rulesets in service; only with the development
 * setting {@code creditflow.rules.auto-activate} does a valid candidate go into service,
 * without a release, recorded in the audit chain as such.
 */
@Component
@ConditionalOnProperty(name = "creditflow.rules.watch-folder", havingValue = "true", matchIfMissing = true)
class RulesFolderWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

	/** How long the files must stay unchanged before a reload. */
	static final Duration QUIET = Duration.ofMillis(500);

	private final Path folder;

	private final RulesetCandidate candidate;

	@Nullable
	private final DevelopmentActivation autoActivation;

	private WatchService watcher;

	private Thread thread;

	RulesFolderWatcher(@Value("${creditflow.rules.location:rules}") Path folder, RulesetCandidate candidate,
			ObjectProvider<DevelopmentActivation> autoActivation) {
		this.folder = folder;
		this.candidate = candidate;
		this.autoActivation = autoActivation.getIfAvailable();
	}

	@Override
	public synchronized void start() {
		if (!Files.isDirectory(this.folder)) {
			return;
		}
		try {
			this.watcher = FileSystems.getDefault().newWatchService();
			register(this.folder);
		}
		catch (IOException ex) {
			log.warn("Cannot watch {} for rule changes: {}", this.folder, ex.getMessage());
			return;
		}
		this.thread = new Thread(this::watch, "rules-folder-watcher");
		this.thread.setDaemon(true);
		this.thread.start();
		log.info("Watching {} for rule changes", this.folder.toAbsolutePath());
	}

	private void watch() {
		try {
			while (true) {
				WatchKey key = this.watcher.take();
				boolean changed = drain(key);
				// wait for quiet: an editor's save may arrive as several events
				WatchKey more;
				while ((more = this.watcher.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
					changed |= drain(more);
				}
				if (changed) {
					validate();
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("The rules folder watcher stopped", ex);
		}
	}

	/** Validates the candidate as saved, and puts it into service if so configured. */
	void validate() {
		RulesetValidation validation = this.candidate.validation();
		if (!validation.valid()) {
			log.warn("Candidate ruleset {} in {} is not valid:\n{}", validation.version(), this.folder,
					new InvalidRulesetException(validation.problems()).getMessage());
		}
		else if (this.autoActivation != null) {
			this.autoActivation.activate(validation.ruleset());
		}
		else {
			log.info("Candidate ruleset {} in {} is valid; it goes into service by a release", validation.version(),
					this.folder);
		}
	}

	private boolean drain(WatchKey key) {
		boolean changed = !key.pollEvents().isEmpty();
		Path directory = (Path) key.watchable();
		key.reset();
		try {
			// new folders are watched too
			register(directory);
		}
		catch (IOException ex) {
			log.debug("Cannot watch {}", directory, ex);
		}
		return changed;
	}

	private void register(Path root) throws IOException {
		try (Stream<Path> folders = Files.walk(root)) {
			for (Path folder : folders.filter(Files::isDirectory).toList()) {
				folder.register(this.watcher, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (this.thread != null) {
			this.thread.interrupt();
			this.thread = null;
		}
		if (this.watcher != null) {
			try {
				this.watcher.close();
			}
			catch (IOException ex) {
				log.debug("Closing the rules folder watcher", ex);
			}
			this.watcher = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.thread != null;
	}

}
