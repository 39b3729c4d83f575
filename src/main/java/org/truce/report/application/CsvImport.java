package org.truce.report.application;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.ActorRef;
import org.truce.report.model.Casualties;
import org.truce.report.model.DataFlag;
import org.truce.report.model.DataFlags;
import org.truce.report.model.Report;
import org.truce.report.model.ReportValidator;
import org.truce.report.model.SourceFields;
import org.truce.shared.ErrorCode;
import org.truce.shared.Hxl;
import org.truce.shared.Ids;
import org.truce.shared.Problem;
import org.truce.shared.Sha256;

/**
 * The engine shared by the CSV importers. It reads a file row by row (quoted fields may
 * hold line breaks), turns each row into a report through its {@link RowFormat},
 * validates it like any submitted report (a date without a time is a calendar day in the
 * run's time zone, recorded with the run), and stores reports in batches through
 * {@link RecordingReports}. Each batch is one transaction: its reports, their ledger
 * entries, the rejections of its rows and the run's counts up to its last row, so that a
 * run that stops part-way shows, in {@link Imports}, exactly the rows it committed. A row
 * that cannot be read is rejected with its row number and reason, and the rows around it
 * are still imported. Re-importing a row stores nothing: its idempotency key is already
 * present.
 *
 * <p>
 * Two threads per run, so that reading the file and storing it overlap: the calling
 * thread parses, validates and prepares each report's ledger entry
 * ({@link RecordingReports#prepare}); one writer thread stores a batch while the next one
 * is read. At most one batch is being stored while one more is being filled, so memory
 * stays bounded whatever the size of the file; batches commit in the file's order, and a
 * batch that fails to store stops the run with that failure, its rows not counted (as
 * before, the run is then left without a finishing time).
 */
@Component
class CsvImport {

	/** Rows per batch, unless {@code truce.import.batch-size} says otherwise. */
	static final int BATCH = 2000;

	/** How many rejections an outcome carries for printing; all are stored. */
	static final int FIRST_REJECTIONS = 20;

	private final RecordingReports reports;

	private final Imports imports;

	private final Sources sources;

	private final ActorDirectory actors;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final int batchSize;

	CsvImport(RecordingReports reports, Imports imports, Sources sources, ActorDirectory actors, Clock clock,
			TransactionTemplate tx, @Value("${truce.import.batch-size:" + BATCH + "}") int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("truce.import.batch-size must be at least 1, not " + batchSize);
		}
		this.reports = reports;
		this.imports = imports;
		this.sources = sources;
		this.actors = actors;
		this.clock = clock;
		this.tx = tx;
		this.batchSize = batchSize;
	}

	/**
	 * Imports the file.
	 * @param zone where the file's dates without a time are calendar days
	 * @param skipIfImported when true, a file whose SHA-256 this importer already
	 * imported to the end, reading its dates in the same zone, is not read again
	 * @param userId the importing user, recorded as each report's submitter; null for an
	 * import without a user (the command line, the demo), whose reports record
	 * {@code import:<run id>}
	 */
	ImportOutcome run(ImportFile file, RowFormat format, ZoneId zone, boolean skipIfImported, ImportProgress progress,
			String userId) {
		try {
			String sha256 = sha256(file);
			if (skipIfImported) {
				Optional<Imports.ImportRun> previous = this.imports.lastFinished(format.kind(), sha256, zone.getId());
				if (previous.isPresent()) {
					return new ImportOutcome.AlreadyImported(previous.get());
				}
			}
			try (CountingInputStream bytes = new CountingInputStream(file.open());
					CSVParser parser = header(file, bytes)) {
				if (parser == null) {
					return new ImportOutcome.NotImportable(file.name(), format.kind(), List.of());
				}
				List<String> missing = missingColumns(parser, format);
				if (!missing.isEmpty()) {
					return new ImportOutcome.NotImportable(file.name(), format.kind(), missing);
				}
				this.sources.save(format.source());
				Run run = new Run(file, format, zone, sha256, bytes, progress, userId);
				try {
					return run.read(parser);
				}
				finally {
					run.close();
					progress.done();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.name(), ex);
		}
	}

	/** Now, to the millisecond: the finest time both stores keep. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * The parser, past a header it could read; null when the header is not one (an empty
	 * or repeated name, or quoting commons-csv cannot read), which is the file's fault,
	 * not the server's.
	 */
	private static CSVParser header(ImportFile file, InputStream in) {
		try {
			return parser(in);
		}
		catch (IllegalArgumentException | IOException | UncheckedIOException ex) {
			return null;
		}
	}

	private static CSVParser parser(InputStream in) throws IOException {
		Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		CSVFormat csv = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setIgnoreEmptyLines(true)
			.get();
		return CSVParser.builder().setReader(reader).setFormat(csv).get();
	}

	private static List<String> missingColumns(CSVParser parser, RowFormat format) {
		Set<String> present = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		parser.getHeaderNames().forEach(name -> present.add(name.trim()));
		return format.requiredColumns().stream().filter(c -> !present.contains(c)).toList();
	}

	private static String sha256(ImportFile file) throws IOException {
		MessageDigest digest = Sha256.digest();
		try (InputStream in = file.open()) {
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = in.read(buffer)) != -1) {
				digest.update(buffer, 0, n);
			}
		}
		return Sha256.hex(digest);
	}

	/** One run over one file. */
	private final class Run {

		private final ImportFile file;

		private final RowFormat format;

		private final ZoneId zone;

		private final CountingInputStream bytes;

		private final ImportProgress progress;

		private final Imports.ImportRun started;

		/** The submitter recorded with each report. */
		private final String submitter;

		private final long startNanos = System.nanoTime();

		private List<Reports.NewReport> batch;

		/**
		 * For each report of {@link #batch}, its ledger entry and what follows from it.
		 */
		private List<RecordingReports.Prepared> prepared;

		/** Stores one batch at a time, in order. */
		private final ExecutorService writer;

		/** The batch being stored, if any. */
		private Future<?> writing;

		private final List<Imports.RowRejection> pendingRejections = new ArrayList<>();

		private final List<Imports.RowRejection> firstRejections = new ArrayList<>();

		private final Map<String, ActorRef> resolved = new HashMap<>();

		private final UnresolvedNames.Tally unresolved = new UnresolvedNames.Tally();

		private final MessageDigest rowDigest = Sha256.digest();

		private long rows;

		/** Written by the writer only; read after {@link #awaitWriting}. */
		private long imported;

		/** Written by the writer only; read after {@link #awaitWriting}. */
		private long duplicates;

		/** Written by the writer only; read after {@link #awaitWriting}. */
		private long changed;

		private long rejectedRows;

		Run(ImportFile file, RowFormat format, ZoneId zone, String sha256, CountingInputStream bytes,
				ImportProgress progress, String userId) {
			this.file = file;
			this.format = format;
			this.zone = zone;
			this.bytes = bytes;
			this.progress = progress;
			this.started = new Imports.ImportRun(Ids.newId(CsvImport.this.clock).toString(), format.kind(), file.name(),
					sha256, now(), null, Imports.Counts.ZERO, zone.getId());
			CsvImport.this.imports.started(this.started);
			this.submitter = userId != null ? userId : "import:" + this.started.id();
			this.batch = new ArrayList<>(Math.min(CsvImport.this.batchSize, 10_000));
			this.prepared = new ArrayList<>(Math.min(CsvImport.this.batchSize, 10_000));
			this.writer = Executors.newSingleThreadExecutor(task -> {
				Thread thread = new Thread(task, "truce-import-" + this.started.id());
				thread.setDaemon(true);
				return thread;
			});
		}

		/**
		 * Lets a batch being stored finish (after a failure elsewhere, say), then stops
		 * the writer.
		 */
		void close() {
			this.writer.shutdown();
			try {
				if (!this.writer.awaitTermination(5, TimeUnit.MINUTES)) {
					this.writer.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				this.writer.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}

		ImportOutcome read(CSVParser parser) {
			boolean readToEnd = true;
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					// The CSV itself broke (a quote never closed): nothing after this
					// point can be parsed reliably. The row is counted and rejected.
					this.rows++;
					reject(this.rows + 1, null, List
						.of(Problem.keyed(ErrorCode.UNREADABLE_ROW, null, "brokenFrom", this.rows + 1, cause(ex))));
					readToEnd = false;
					break;
				}
				if (record.getRecordNumber() == 1 && Hxl.isHashtagRow(record.values())) {
					// A row of HXL hashtags under the header, as HDX publishes: not data.
					continue;
				}
				this.rows++;
				row(record);
				if (this.batch.size() >= CsvImport.this.batchSize) {
					flush();
				}
				this.progress.advanced(this.bytes.count(), this.file.size(), this.rows);
			}
			flush();
			awaitWriting();
			Imports.Counts counts = counts();
			Instant finishedAt = now();
			Imports.ImportRun run = new Imports.ImportRun(this.started.id(), this.started.kind(),
					this.started.fileName(), this.started.sha256(), this.started.startedAt(), finishedAt, counts,
					this.started.timeZone());
			UnresolvedNames names = this.unresolved.result();
			CsvImport.this.reports.finishImport(run, names);
			return new ImportOutcome.Completed(run, List.copyOf(this.firstRejections), this.changed, readToEnd,
					Duration.ofNanos(System.nanoTime() - this.startNanos), names);
		}

		private void row(CSVRecord record) {
			// commons-csv numbers data records from 1; with the header as row 1 the first
			// data record is row 2.
			long rowNumber = record.getRecordNumber() + 1;
			if (!record.isConsistent()) {
				reject(rowNumber, record, List.of(Problem.keyed(ErrorCode.UNREADABLE_ROW, null, "fields", rowNumber,
						record.size(), parserWidth(record))));
				return;
			}
			List<Problem> problems = new ArrayList<>();
			RowFormat.RowReading reading = this.format.read(new CsvRow(record, problems));
			if (reading instanceof RowFormat.Unreadable unreadable) {
				reject(rowNumber, record, unreadable.problems());
				return;
			}
			RowFormat.Draft d = (RowFormat.Draft) reading;
			ReportValidator.Result result = ReportValidator.validate(d.draft(), this.zone, id -> true);
			if (!result.ok()) {
				reject(rowNumber, record, result.problems().stream().map(this::toColumns).toList());
				return;
			}
			ReportValidator.Valid v = result.valid();
			ActorRef named = resolve(d.draft().actor());
			ActorRef namedTarget = resolve(d.draft().target());
			this.unresolved.row(named, namedTarget);
			WhoActedReading.Decision who = d.whoActed().decide(named, namedTarget);
			ActorRef actor = who.actor();
			ActorRef target = who.target();
			Casualties casualties = v.casualties();
			if (who.swapped()) {
				casualties = new Casualties(casualties.total(), casualties.targetSide(), casualties.actorSide(),
						casualties.civilians(), casualties.unknown());
			}
			EnumSet<DataFlag> flags = EnumSet.noneOf(DataFlag.class);
			flags.addAll(DataFlags.derive(actor, target, casualties));
			flags.addAll(d.flags());
			if (who.inferred()) {
				flags.add(DataFlag.PERPETRATOR_INFERRED);
			}
			if (hasLineBreak(record)) {
				flags.add(DataFlag.MULTILINE_FIELD);
			}
			Report report = new Report(Ids.newId(CsvImport.this.clock), v.eventType(), d.eventTypeBasis(), v.when(),
					v.where(), actor, target, casualties, d.draft().narrative(), this.format.source().id(),
					d.draft().externalId(), v.attachments(), flags, CsvImport.this.clock.instant(), who.whoActed(),
					v.equipment(), this.submitter, null,
					this.format.keepsRows() ? new SourceFields(this.format.kind(), columns(record)) : null);
			this.batch.add(new Reports.NewReport(report, d.idempotencyKey(), digest(record)));
			this.prepared.add(CsvImport.this.reports.prepare(report));
		}

		/**
		 * The row's values by column, in the header's order (commons-csv's own map is
		 * sorted by name when the header's case is ignored).
		 */
		private static Map<String, String> columns(CSVRecord record) {
			List<String> names = record.getParser().getHeaderNames();
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) {
				row.put(names.get(i), record.get(i));
			}
			return row;
		}

		private static int parserWidth(CSVRecord record) {
			return record.getParser().getHeaderNames().size();
		}

		private Problem toColumns(Problem p) {
			if (p.field() == null) {
				return p;
			}
			String column = this.format.columnOf(p.field());
			return p.about(column);
		}

		private ActorRef resolve(String name) {
			if (name == null) {
				return null;
			}
			return this.resolved.computeIfAbsent(name, CsvImport.this.actors::resolve);
		}

		private void reject(long rowNumber, CSVRecord record, List<Problem> problems) {
			this.rejectedRows++;
			String id = record == null ? null : idOf(record);
			for (Problem p : problems) {
				String detail = "Row " + rowNumber + (id == null ? "" : " (" + id + ")") + ": " + p.detail();
				Imports.RowRejection rejection = new Imports.RowRejection(rowNumber, p.code(), p.field(), detail);
				this.pendingRejections.add(rejection);
				if (this.firstRejections.size() < FIRST_REJECTIONS) {
					this.firstRejections.add(rejection);
				}
			}
		}

		private String idOf(CSVRecord record) {
			String column = this.format.columnOf("externalId");
			if (!record.isSet(column) || record.get(column).isBlank()) {
				return null;
			}
			return column + " " + CsvRow.quote(record.get(column).trim());
		}

		/**
		 * Hands the batch, with the rejections of its rows, to the writer, once the one
		 * before it is stored.
		 */
		private void flush() {
			List<Reports.NewReport> reports = this.batch;
			List<RecordingReports.Prepared> entries = this.prepared;
			List<Imports.RowRejection> rejections = List.copyOf(this.pendingRejections);
			long rowsSoFar = this.rows;
			long rejectedSoFar = this.rejectedRows;
			this.batch = new ArrayList<>(reports.size());
			this.prepared = new ArrayList<>(reports.size());
			this.pendingRejections.clear();
			awaitWriting();
			this.writing = this.writer.submit(() -> store(reports, entries, rejections, rowsSoFar, rejectedSoFar));
		}

		/** Waits for the batch being stored; a failure to store it stops the run. */
		private void awaitWriting() {
			if (this.writing == null) {
				return;
			}
			try {
				this.writing.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while storing import " + this.started.id(), ex);
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(cause);
			}
			finally {
				this.writing = null;
			}
		}

		/**
		 * On the writer: one transaction with the batch's reports and their entries, the
		 * rejections of its rows and the counts up to its last row.
		 */
		private void store(List<Reports.NewReport> reports, List<RecordingReports.Prepared> entries,
				List<Imports.RowRejection> rejections, long rowsSoFar, long rejectedSoFar) {
			long[] counted = CsvImport.this.tx.execute(status -> {
				long newOnes = 0;
				long repeated = 0;
				long differing = 0;
				if (!reports.isEmpty()) {
					List<Reports.Appended> results = CsvImport.this.reports.append(reports, entries);
					for (int i = 0; i < results.size(); i++) {
						Reports.Appended appended = results.get(i);
						if (appended.created()) {
							newOnes++;
						}
						else {
							repeated++;
							if (!reports.get(i).requestDigest().equals(appended.requestDigest())) {
								differing++;
							}
						}
					}
				}
				CsvImport.this.imports.rejected(this.started.id(), rejections);
				CsvImport.this.imports.progressed(this.started.id(), new Imports.Counts(rowsSoFar,
						this.imported + newOnes, this.duplicates + repeated, rejectedSoFar));
				return new long[] { newOnes, repeated, differing };
			});
			// Counted once committed: a batch rolled back stops the run and counts
			// nothing.
			this.imported += counted[0];
			this.duplicates += counted[1];
			this.changed += counted[2];
		}

		private Imports.Counts counts() {
			return new Imports.Counts(this.rows, this.imported, this.duplicates, this.rejectedRows);
		}

		/**
		 * SHA-256 over the row's values, to tell a re-import of the same row from a
		 * changed one.
		 */
		private String digest(CSVRecord record) {
			this.rowDigest.reset();
			for (String value : record) {
				this.rowDigest.update(value.getBytes(StandardCharsets.UTF_8));
				this.rowDigest.update((byte) 0x1f);
			}
			return Sha256.hex(this.rowDigest);
		}

		private static boolean hasLineBreak(CSVRecord record) {
			for (String value : record) {
				if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
					return true;
				}
			}
			return false;
		}

		private static String cause(Exception ex) {
			Throwable t = ex;
			while (t.getCause() != null) {
				t = t.getCause();
			}
			return t.getMessage();
		}

	}

	/** Counts the bytes read through it. */
	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		long count() {
			return this.count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

	}

}
