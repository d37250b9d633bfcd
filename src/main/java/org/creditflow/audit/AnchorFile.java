package org.creditflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the chain's last link outside the database: on a schedule, when the chain has
 * grown, a line {@code <time> <seq>:<seal>} is appended to the anchor file. Every chain
 * check reads the file back, so a chain rewritten in the database (even from scratch,
 * even with the key) no longer matches what was anchored before. Operators ship the file
 * to storage the database's administrators cannot change (docs/security.md).
 */
@Component
class AnchorFile {

	private static final Logger log = LoggerFactory.getLogger(AnchorFile.class);

	private final Path file;

	private final DecisionChain chain;

	private final Clock clock;

	AnchorFile(AuditProperties properties, DecisionChain chain, Clock clock) {
		this.file = properties.anchorFile();
		this.chain = chain;
		this.clock = clock;
	}

	/** Appends the chain's last link when it moved since the last line. */
	@Scheduled(initialDelayString = "${creditflow.audit.anchor-interval:PT5M}",
			fixedDelayString = "${creditflow.audit.anchor-interval:PT5M}")
	void anchor() {
		Optional<ChainCheck.Anchor> head = this.chain.head();
		if (head.isEmpty() || head.equals(last())) {
			return;
		}
		try {
			if (this.file.getParent() != null) {
				Files.createDirectories(this.file.getParent());
			}
			Files.writeString(this.file,
					OffsetDateTime.now(this.clock) + " " + head.get().seq() + ":" + head.get().hash() + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			log.error("Cannot anchor the decision chain in {}: {}", this.file.toAbsolutePath(), ex.toString());
		}
	}

	/** Every anchor written so far; none when the file does not exist yet. */
	List<ChainCheck.Anchor> read() {
		if (!Files.exists(this.file)) {
			return List.of();
		}
		try {
			List<ChainCheck.Anchor> anchors = new ArrayList<>();
			for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
				String[] parts = line.strip().split(" ");
				if (parts.length == 2) {
					anchors.add(ChainCheck.Anchor.parse(parts[1]));
				}
			}
			return anchors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the anchor file " + this.file.toAbsolutePath(), ex);
		}
	}

	Path location() {
		return this.file;
	}

	private Optional<ChainCheck.Anchor> last() {
		List<ChainCheck.Anchor> anchors = read();
		return anchors.isEmpty() ? Optional.empty() : Optional.of(anchors.get(anchors.size() - 1));
	}

}
