import { TokumeiError } from '../errors.ts';
import { csvField, csvRow } from './csv.ts';
import { drawEncounters, type Encounter } from './encounters.ts';
import { drawLabs } from './labs.ts';
import { drawCore, drawIdentity, type Address, type PatientCore } from './patient.ts';
import type { Town } from './places.ts';
import { drawPrescriptions } from './prescriptions.ts';
import { seedHash } from './rng.ts';
import { ByteSink, vocab } from './sink.ts';
import { DEMO_TABLES, type DemoTableInfo, type DemoTableKey } from './tables.ts';

export interface DemoOptions {
  /** Number of patients = rows of 患者; other tables are proportional. */
  patients: number;
  /** Same seed → same bytes. Numbers and their decimal text are the same seed. */
  seed?: number | string;
  /** Approximate bytes per yielded chunk (default 1 MiB); chunks always end at a row boundary. */
  chunkBytes?: number;
}

export const DEFAULT_SEED = 1;

export interface DemoChunk {
  table: DemoTableKey;
  /** UTF-8 CSV; the table's first chunk starts with the header row. */
  bytes: Uint8Array;
  /** Data rows (not counting the header) in this chunk. */
  rows: number;
}

/** Decimal places a laboratory reports each item with. */
const LAB_DIGITS: Readonly<Record<string, number>> = { HbA1c: 1, eGFR: 1, 'LDL-C': 0, AST: 0, ALT: 0, Cr: 2, Hb: 1, CRP: 2 };

const IDEOGRAPHIC_SPACE = vocab('\u3000');
const CHOME = vocab('丁目');

/** The address as formatAddress prints it, quoted when the building follows a comma. */
function writeAddress(s: ByteSink, a: Address): void {
  if (a.comma) s.ascii('"');
  s.bytes(vocab(a.town));
  if (a.chome > 0) s.int(a.chome).bytes(CHOME);
  s.int(a.ban).ascii('-').int(a.go);
  if (a.building !== null) s.ascii(a.comma ? ', ' : ' ').bytes(vocab(a.building)).ascii(' ').int(a.room);
  if (a.comma) s.ascii('"');
}

const towns = new Map<Town, Uint8Array>();
/** "都道府県,市区町村" of a town, encoded once per town (towns are fixed objects). */
function townBytes(t: Town): Uint8Array {
  let b = towns.get(t);
  if (!b) towns.set(t, (b = vocab(`${csvField(t.prefecture)},${csvField(t.municipality)}`)));
  return b;
}

/** Appends one patient's rows to the wanted tables, keeping the running IDs of the child tables. */
class RowWriter {
  private nextEncounter = 1;
  private nextLab = 1;
  private nextRx = 1;
  readonly sinks: Record<DemoTableKey, ByteSink>;

  constructor(
    private readonly base: number,
    private readonly want: ReadonlySet<DemoTableKey>,
    chunkBytes: number,
  ) {
    const sink = (k: DemoTableKey) => new ByteSink(want.has(k) ? chunkBytes : 0);
    this.sinks = { patients: sink('patients'), encounters: sink('encounters'), labs: sink('labs'), prescriptions: sink('prescriptions') };
    for (const t of DEMO_TABLES) if (want.has(t.key)) this.sinks[t.key].lines(csvRow(t.columns), 0);
  }

  add(index: number): void {
    const core = drawCore(this.base, index);
    if (this.want.has('patients')) this.patient(core);
    if (!this.want.has('encounters') && !this.want.has('labs') && !this.want.has('prescriptions')) return;
    const encounters = drawEncounters(this.base, core);
    if (this.want.has('encounters')) this.encounters(core, encounters);
    if (this.want.has('labs')) this.labs(core, encounters);
    if (this.want.has('prescriptions')) this.prescriptions(core, encounters);
  }

  private patient(core: PatientCore): void {
    const p = drawIdentity(this.base, core);
    const n = p.name;
    const s = this.sinks.patients.beginRow();
    s.ascii(core.id).comma();
    s.bytes(n.surname.kanjiUtf8).bytes(IDEOGRAPHIC_SPACE).bytes(n.given.kanjiUtf8).comma();
    s.bytes(n.surname.kanaUtf8).bytes(IDEOGRAPHIC_SPACE).bytes(n.given.kanaUtf8).comma();
    s.date(core.birth).comma().bytes(vocab(core.sex)).comma().ascii(p.town.postalCode).comma().bytes(townBytes(p.town)).comma();
    writeAddress(s, p.address);
    s.comma();
    if (p.phone) s.ascii(p.phone.prefix).ascii('-').int(p.phone.middle.value, p.phone.middle.width).ascii('-').int(p.phone.line.value, p.phone.line.width);
    s.comma();
    if (p.insurerSymbol) s.int(p.insurerSymbol.value, p.insurerSymbol.width);
    s.comma().int(p.insuredNumber.value, p.insuredNumber.width).comma().ascii(p.bloodType).comma();
    if (p.height !== null) s.fixed(p.height, 1);
    s.comma();
    if (p.weight !== null) s.fixed(p.weight, 1);
    s.comma().ascii(core.primary.code).endRow();
  }

  private encounters(core: PatientCore, list: readonly Encounter[]): void {
    const s = this.sinks.encounters;
    for (const e of list) {
      s.beginRow().ascii('E').int(this.nextEncounter++, 8).comma().ascii(core.id).comma().bytes(vocab(e.kind)).comma().date(e.day).comma();
      if (e.discharge !== null) s.date(e.discharge);
      s.comma().bytes(vocab(e.department)).comma().ascii(e.dx.code).comma().bytes(vocab(csvField(e.dx.name))).comma();
      if (e.outcome !== null) s.bytes(vocab(e.outcome));
      s.endRow();
    }
  }

  private labs(core: PatientCore, encounters: readonly Encounter[]): void {
    const s = this.sinks.labs;
    for (const r of drawLabs(this.base, core, encounters)) {
      s.beginRow().ascii('L').int(this.nextLab++, 9).comma().ascii(core.id).comma().date(r.day).comma();
      s.ascii(r.item).comma().fixed(r.value, LAB_DIGITS[r.item]).comma().ascii(r.unit).endRow();
    }
  }

  private prescriptions(core: PatientCore, encounters: readonly Encounter[]): void {
    const s = this.sinks.prescriptions;
    for (const r of drawPrescriptions(this.base, core, encounters)) {
      s.beginRow().ascii('R').int(this.nextRx++, 9).comma().ascii(core.id).comma().date(r.day).comma();
      s.bytes(vocab(csvField(r.drug.name))).comma().int(r.drug.amount).comma().bytes(vocab(r.drug.unit)).comma();
      s.bytes(vocab(csvField(r.drug.usage))).comma().int(r.days).endRow();
    }
  }
}

function checkCount(patients: number): void {
  if (!Number.isSafeInteger(patients) || patients < 0) throw new TokumeiError('demo.invalidPatients', { value: String(patients) });
}

const DEFAULT_CHUNK = 1 << 20;

/**
 * Every table in one pass (each patient is drawn once), interleaved chunk by chunk:
 * the way to write all four files. Each table's first chunk starts with its header.
 */
export function* demoChunks(opts: DemoOptions): Generator<DemoChunk> {
  checkCount(opts.patients);
  const w = new RowWriter(seedHash(opts.seed ?? DEFAULT_SEED), new Set(DEMO_TABLES.map((t) => t.key)), opts.chunkBytes ?? DEFAULT_CHUNK);
  function* drain(): Generator<DemoChunk> {
    for (const t of DEMO_TABLES) {
      const ready = w.sinks[t.key].ready;
      for (const c of ready) yield { table: t.key, bytes: c.bytes, rows: c.rows };
      ready.length = 0;
    }
  }
  for (let i = 0; i < opts.patients; i++) {
    w.add(i);
    yield* drain();
  }
  for (const t of DEMO_TABLES) w.sinks[t.key].flush();
  yield* drain();
}

/** One table's CSV as a stream of UTF-8 chunks; byte-identical to that table's part of `demoChunks`. */
export function* tableChunks(key: DemoTableKey, opts: DemoOptions): Generator<Uint8Array> {
  checkCount(opts.patients);
  const w = new RowWriter(seedHash(opts.seed ?? DEFAULT_SEED), new Set([key]), opts.chunkBytes ?? DEFAULT_CHUNK);
  const sink = w.sinks[key];
  for (let i = 0; i < opts.patients; i++) {
    w.add(i);
    for (const c of sink.ready) yield c.bytes;
    sink.ready.length = 0;
  }
  sink.flush();
  for (const c of sink.ready) yield c.bytes;
}

export interface DemoTableStream extends DemoTableInfo {
  chunks(): Generator<Uint8Array>;
}

/** The demo extract as one lazily generated CSV stream per table. */
export function generateDemo(opts: DemoOptions): { tables: DemoTableStream[] } {
  checkCount(opts.patients);
  return { tables: DEMO_TABLES.map((t) => ({ ...t, chunks: () => tableChunks(t.key, opts) })) };
}

export interface DemoFile extends DemoTableInfo {
  bytes: Uint8Array;
  rows: number;
}

/** Chunks of one table glued into one buffer. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

/** For the browser: all tables as UTF-8 CSV bytes (meant for ~10 000 patients). */
export function generateDemoFiles(opts: DemoOptions): DemoFile[] {
  const parts: Record<DemoTableKey, Uint8Array[]> = { patients: [], encounters: [], labs: [], prescriptions: [] };
  const rows: Record<DemoTableKey, number> = { patients: 0, encounters: 0, labs: 0, prescriptions: 0 };
  for (const c of demoChunks(opts)) {
    parts[c.table].push(c.bytes);
    rows[c.table] += c.rows;
  }
  return DEMO_TABLES.map((t) => ({ ...t, bytes: concatBytes(parts[t.key]), rows: rows[t.key] }));
}
