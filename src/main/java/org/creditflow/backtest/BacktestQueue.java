package org.creditflow.backtest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where this node's accepted backtests wait and run, never on a web thread:
 * {@code concurrent} at a time, at most {@code queue} more waiting. A request takes its
 * place before anything is read or stored, so a full queue refuses it at once and a
 * refused request leaves nothing behind.
 */
@Component
class BacktestQueue implements DisposableBean {

	/** Every place is taken: try again later (429). */
	static final class QueueFullException extends RuntimeException {

		QueueFullException(int places) {
			super(places + " backtests are running or waiting on this node, as many as it takes;"
					+ " try again when one has finished.");
		}

	}

	private final int places;

	private final Semaphore free;

	private final ExecutorService runners;

	BacktestQueue(BacktestProperties properties) {
		this.places = properties.concurrent() + properties.queue();
		this.free = new Semaphore(this.places);
		AtomicInteger threads = new AtomicInteger();
		this.runners = Executors.newFixedThreadPool(properties.concurrent(), (task) -> {
			Thread thread = new Thread(task, "backtest-run-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * A place for one run.
	 * @throws QueueFullException when every place is taken
	 */
	Place reserve() {
		if (!this.free.tryAcquire()) {
			throw new QueueFullException(this.places);
		}
		return new Place();
	}

	/**
	 * Interrupts the runs under way and drops those waiting; answers whether all stopped.
	 */
	boolean stop() {
		this.runners.shutdownNow();
		try {
			return this.runners.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void destroy() {
		stop();
	}

	/** A reserved place: it runs one task, or is released unused. */
	final class Place {

		private final AtomicBoolean held = new AtomicBoolean(true);

		private volatile boolean used;

		/** Runs the task when a runner is free; the place is free again after it. */
		void run(Runnable task) {
			this.used = true;
			try {
				BacktestQueue.this.runners.execute(() -> {
					try {
						task.run();
					}
					finally {
						free();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				free();
				throw new IllegalStateException("The service is stopping and takes no more backtests", ex);
			}
		}

		/**
		 * Frees the place when no task was given to it; after {@link #run} the task frees
		 * it.
		 */
		void release() {
			if (!this.used) {
				free();
			}
		}

		private void free() {
			if (this.held.compareAndSet(true, false)) {
				BacktestQueue.this.free.release();
			}
		}

	}

}
