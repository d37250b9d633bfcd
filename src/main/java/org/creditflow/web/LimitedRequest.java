package org.creditflow.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body, sent in chunks, is read as it comes and refused with
 * {@link RequestBodyTooLargeException} once it goes past the limit: for uploads, too
 * large to hold in memory the way {@link BufferedRequest} does.
 */
final class LimitedRequest extends HttpServletRequestWrapper {

	private final long limit;

	private ServletInputStream body;

	LimitedRequest(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.body == null) {
			this.body = new Counted(super.getInputStream(), this.limit);
		}
		return this.body;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		return new BufferedReader(new InputStreamReader(getInputStream(),
				(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
	}

	private static final class Counted extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		Counted(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int next = this.in.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.in.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void count(int bytes) throws RequestBodyTooLargeException {
			this.read += bytes;
			if (this.read > this.limit) {
				throw new RequestBodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("an upload is read as it comes, not asynchronously");
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
