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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hot reload: watches the rules folder on disk and reloads once the files have been quiet
 * for a moment (an editor saves in several writes). A change that fails validation is
 * refused and logged; the ruleset in service keeps deciding. On by default; production
 * profiles switch it off and reload through the API.
 */
@Component
@ConditionalOnProperty(name = "creditflow.rules.hot-reload", havingValue = "true", matchIfMissing = true)
class RulesFolderWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

	/** How long the files must stay unchanged before a reload. */
	static final Duration QUIET = Duration.ofMillis(500);

	private final Path folder;

	private final RulesetReloader reloader;

	private WatchService watcher;

	private Thread thread;

	RulesFolderWatcher(@Value("${creditflow.rules.location:rules}") Path folder, RulesetReloader reloader) {
		this.folder = folder;
		this.reloader = reloader;
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
					this.reloader.reload("change in " + this.folder);
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
