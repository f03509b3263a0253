/**
 * Where a workspace table came from. The main thread keeps these (with the File
 * objects) so that, if the engine worker dies, every table can be loaded again.
 */
export type TableSource =
  | { kind: 'demo'; patients: number; seed: number }
  | { kind: 'file'; file: File; options: LoadOptions };

export interface LoadOptions {
  /** Table name wanted; made unique by the worker. */
  table?: string;
  encoding?: 'utf-8' | 'shift_jis' | 'euc-jp';
  delimiter?: string;
  hasHeader?: boolean;
}

export interface LoadProgress {
  phase: 'reading' | 'decoding' | 'loading' | 'typing';
  /** 0..1 when known. */
  fraction: number | null;
  fileName: string;
}
