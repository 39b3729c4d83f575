package org.truce.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A lean HTTP/1.1 client for one thread: one keep-alive connection, a request written in
 * one go, the response's status read and its body skipped (Content-Length or chunked).
 * For the load generator, whose CPU is taken from the server it measures on the same
 * machine; {@code java.net.http.HttpClient} spends several times as much per request in
 * its selector thread and futures. Not a general client: no redirects, no TLS, no
 * 100-continue.
 */
final class LeanHttp implements AutoCloseable {

	private final String host;

	private final int port;

	private final int timeoutMillis;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private final ByteArrayOutputStream request = new ByteArrayOutputStream(2048);

	LeanHttp(URI base, int timeoutMillis) {
		this.host = base.getHost();
		this.port = base.getPort();
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Sends a POST and returns the response's status; reconnects once if the kept-alive
	 * connection was closed by the server before the request was read.
	 * @param headers name and value, alternately
	 */
	int post(String path, byte[] body, String... headers) throws IOException {
		this.request.reset();
		StringBuilder head = new StringBuilder(256);
		head.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(this.host).append(':').append(this.port);
		head.append("\r\nContent-Length: ").append(body.length).append("\r\n");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		head.append("\r\n");
		this.request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		this.request.write(body);
		boolean fresh = this.socket == null;
		try {
			return exchange();
		}
		catch (IOException ex) {
			close();
			if (fresh) {
				throw ex;
			}
			return exchange();
		}
	}

	private int exchange() throws IOException {
		if (this.socket == null) {
			Socket s = new Socket();
			s.setTcpNoDelay(true);
			s.connect(new InetSocketAddress(this.host, this.port), this.timeoutMillis);
			s.setSoTimeout(this.timeoutMillis);
			this.socket = s;
			this.in = new BufferedInputStream(s.getInputStream(), 8192);
			this.out = s.getOutputStream();
		}
		this.request.writeTo(this.out);
		this.out.flush();
		String status = line();
		if (status.length() < 12 || !status.startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP response: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		String header;
		while (!(header = line()).isEmpty()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			if (name.equals("content-length")) {
				length = Long.parseLong(value);
			}
			else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
				chunked = true;
			}
			else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
				closing = true;
			}
		}
		if (chunked) {
			long size;
			while ((size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) > 0) {
				skip(size);
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
		}
		else if (length >= 0) {
			skip(length);
		}
		else {
			closing = true;
		}
		if (closing) {
			close();
		}
		return code;
	}

	private String line() throws IOException {
		StringBuilder sb = new StringBuilder(64);
		int c;
		while ((c = this.in.read()) != '\n') {
			if (c < 0) {
				throw new EOFException("the connection closed");
			}
			if (c != '\r') {
				sb.append((char) c);
			}
		}
		return sb.toString();
	}

	private void skip(long n) throws IOException {
		while (n > 0) {
			long k = this.in.skip(n);
			if (k <= 0) {
				if (this.in.read() < 0) {
					throw new EOFException("the connection closed");
				}
				k = 1;
			}
			n -= k;
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.socket = null;
		this.in = null;
		this.out = null;
	}

}
