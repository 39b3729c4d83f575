package org.truce.bulletin.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinJson;

/**
 * Writes a bulletin's files into a directory: {@code bulletin.json} (the canonical JSON,
 * {@link BulletinJson}) and one RFC 4180 CSV per table ({@code
 *
<table>
 * .csv}, UTF-8, header first, CRLF line ends), then whatever each {@link Writer} bean
 * adds (the HTML page and the PDF, for instance).
 */
@Service
public class BulletinFiles {

	/** The name of the canonical JSON file. */
	public static final String JSON = "bulletin.json";

	/** Adds files of its own to a bulletin's directory. */
	public interface Writer {

		/**
		 * Writes its files for the bulletin into {@code dir}.
		 * @param json the bulletin's canonical JSON, as written to {@code bulletin.json}
		 * @return the files written
		 */
		List<Path> write(Bulletin bulletin, String json, Path dir) throws IOException;

	}

	private final ObjectProvider<Writer> writers;

	public BulletinFiles(ObjectProvider<Writer> writers) {
		this.writers = writers;
	}

	/**
	 * Writes every file of the bulletin into {@code dir} (which must exist), replacing
	 * files of the same names.
	 * @return the files written, {@code bulletin.json} first
	 */
	public List<Path> write(Bulletin bulletin, Path dir) throws IOException {
		List<Path> written = new ArrayList<>(writeData(bulletin, dir));
		String json = Files.readString(dir.resolve(JSON), StandardCharsets.UTF_8);
		for (Writer w : this.writers.orderedStream().toList()) {
			written.addAll(w.write(bulletin, json, dir));
		}
		return written;
	}

	/**
	 * Writes {@code bulletin.json} and the CSVs, without the files other writers add: for
	 * callers without a Spring context.
	 * @return the files written, {@code bulletin.json} first
	 */
	public static List<Path> writeData(Bulletin bulletin, Path dir) throws IOException {
		List<Path> written = new ArrayList<>();
		Path json = dir.resolve(JSON);
		Files.writeString(json, BulletinJson.canonical(bulletin), StandardCharsets.UTF_8);
		written.add(json);
		for (Bulletin.Table table : bulletin.tables()) {
			Path csv = dir.resolve(table.name() + ".csv");
			try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
					CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
				printer.printRecord(table.columns());
				for (Bulletin.Row row : table.rows()) {
					printer.printRecord(row.values());
				}
			}
			written.add(csv);
		}
		return written;
	}

}
