/**
 * The release package (提供パッケージ) contract shared by its parts: the byte layer (zip, hashes,
 * data encoders), the documents (dictionary, records, report) and the hosts that assemble them
 * (the engine worker and `tokumei release`). Same inputs → same bytes, in every host.
 */

/**
 * Where package bytes go: a file stream in the CLI, a growing buffer or a File System handle in the browser.
 * The zip writer awaits each write before producing more. A chunk may be a view the producer reuses
 * afterwards (stored entries pass content chunks through), so a sink that keeps chunks must copy them.
 */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/** A file's content: small files as bytes, data files as a stream of chunks (never all in memory). */
export type EntryContent = Uint8Array | AsyncIterable<Uint8Array>;

/** What the zip writer reports per stored file: MANIFEST is made from these. */
export interface WrittenEntry {
  path: string;
  /** Uncompressed size in bytes. */
  bytes: number;
  /** SHA-256 of the uncompressed content, lowercase hex. */
  sha256: string;
}

/** Released data file encodings. */
export type DataFormat = 'csv' | 'csv-cp932' | 'parquet';

/** Paths inside a package, fixed so that auditors and `tokumei verify` know where to look. */
export const PACKAGE_PATHS = {
  dataCsv: 'data/data.csv',
  dataCsvCp932: 'data/data.cp932.csv',
  dataParquet: 'data/data.parquet',
  spec: 'spec.json',
  dictionary: 'dictionary.csv',
  report: 'report.html',
  creationRecord: 'records/creation-record.json',
  provisionRecord: 'records/provision-record.json',
  manifest: 'MANIFEST',
} as const;

/** A column of the released data as the data encoders and the dictionary see it. */
export interface ReleasedColumn {
  name: string;
  /** DuckDB type of the released column (VARCHAR, BIGINT, DOUBLE, DATE, TIMESTAMP, …). */
  type: string;
}

/** One line of MANIFEST: `<sha256>  <bytes>  <path>` (sha256sum-compatible apart from the size). */
export interface ManifestLine {
  path: string;
  bytes: number;
  sha256: string;
}
