package org.truce.report.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.springframework.core.io.Resource;

/**
 * A file to import: its name as the user gave it, its size in bytes (or -1 when not
 * known) and a way to read it, which may be called more than once.
 */
public record ImportFile(String name, long size, Opener opener) {

	public ImportFile {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(opener, "opener");
	}

	public static ImportFile of(Path path) throws IOException {
		return new ImportFile(path.toString(), Files.size(path), () -> Files.newInputStream(path));
	}

	/** A resource such as {@code classpath:scenarios/...}, named by its description. */
	public static ImportFile of(String name, Resource resource) {
		long size;
		try {
			size = resource.contentLength();
		}
		catch (IOException ex) {
			size = -1;
		}
		return new ImportFile(name, size, resource::getInputStream);
	}

	public InputStream open() throws IOException {
		return this.opener.open();
	}

	/** Opens the file anew at its first byte. */
	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

}
