import type { SqlEngine } from '../engine.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { ident } from '../sql/quote.ts';
import { valueKind } from '../compile/value-kind.ts';
import { matchName, type NameRule } from './name-rules.ts';
import type { DetectCategory, DetectedColumn, DetectionResult, DetectReason, ValueStats } from './types.ts';
import { valueStats } from './value-stats.ts';

export interface DetectOptions {
  /** Rows read for the value checks (the first rows of the table). Default 10 000. */
  sample?: number;
}

/** A pattern counts when at least this share of the non-NULL sample values match it. */
const PATTERN_SHARE = 0.8;
/** Near-unique: distinct / non-NULL at least this, on at least NEAR_UNIQUE_MIN values. */
const NEAR_UNIQUE = 0.95;
const NEAR_UNIQUE_MIN = 20;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Suggests a role for every column of a table, with the reason, from its name (Japanese
 * and English) and from its values (patterns counted by SQL on a sample). When the two
 * disagree, the more protective answer wins: values that are clearly e-mail addresses,
 * phone numbers, My Numbers or SSNs make a column an identifier whatever its name says.
 */
export async function detectRoles(engine: SqlEngine, table: string, opts: DetectOptions = {}): Promise<DetectionResult> {
  const described = await engine.rows(`DESCRIBE ${ident(table)}`);
  const columns = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const { rows, stats } = columns.length
    ? await valueStats(engine, table, columns.map((c) => c.name), opts.sample ?? 10_000)
    : { rows: 0, stats: [] };
  return {
    table,
    sampleRows: rows,
    columns: columns.map((c, i) => decide(c.name, c.type, matchName(c.name), stats[i])),
  };
}

function result(name: string, type: string, role: DetectedColumn['role'], category: DetectCategory, reason: DetectReason): DetectedColumn {
  return { name, type, role, category, freeText: category === 'freeText', reason };
}

/** The decision for one column (exported for tests of the precedence rules). */
export function decide(name: string, type: string, rule: NameRule | null, s: ValueStats): DetectedColumn {
  const byValue = strongIdentifier(s);
  if (byValue && rule?.role !== 'identifier') return result(name, type, 'identifier', byValue.category, byValue.reason);
  // Typed so that a category without its detect.name.* message fails to compile.
  if (rule) return result(name, type, rule.role, rule.category, { key: `detect.name.${rule.category}` satisfies MessageKey, params: { column: name } });

  const kind = valueKind(type);
  if (s.nonNull > 0 && s.uuid >= PATTERN_SHARE) {
    return result(name, type, 'identifier', 'recordId', { key: 'detect.value.uuid', params: { share: pct(s.uuid) } });
  }
  if (kind === 'date' || kind === 'timestamp' || kind === 'timestamptz') {
    return result(name, type, 'quasi', 'date', { key: 'detect.value.dateType', params: { type } });
  }
  if (s.nonNull > 0 && s.date >= PATTERN_SHARE) return result(name, type, 'quasi', 'date', { key: 'detect.value.date', params: { share: pct(s.date) } });
  if (s.nonNull > 0 && s.postal >= PATTERN_SHARE) {
    return result(name, type, 'quasi', 'postalCode', { key: 'detect.value.postalCode', params: { share: pct(s.postal) } });
  }
  const variety = s.nonNull === 0 ? 0 : s.distinct / s.nonNull;
  if (kind === 'text' && s.avgLength >= 20 && variety >= 0.5 && (s.prose >= 0.5 || s.avgLength >= 40)) {
    return result(name, type, 'sensitive', 'freeText', { key: 'detect.value.freeText', params: { length: Math.round(s.avgLength) } });
  }
  if ((kind === 'text' || kind === 'integer') && s.nonNull >= NEAR_UNIQUE_MIN && variety >= NEAR_UNIQUE) {
    return result(name, type, 'identifier', 'recordId', {
      key: 'detect.value.nearUnique',
      params: { distinct: s.distinct, values: s.nonNull, share: pct(variety) },
    });
  }
  return result(name, type, 'other', 'other', { key: s.nonNull === 0 ? 'detect.none.empty' : 'detect.none', params: {} });
}

/** Value patterns that identify a person on their own. */
function strongIdentifier(s: ValueStats): { category: DetectCategory; reason: DetectReason } | null {
  if (s.nonNull === 0) return null;
  if (s.email >= PATTERN_SHARE) return { category: 'email', reason: { key: 'detect.value.email', params: { share: pct(s.email) } } };
  if (s.twelveDigits >= PATTERN_SHARE && s.myNumberValid >= 0.95) {
    return { category: 'myNumber', reason: { key: 'detect.value.myNumber', params: { share: pct(s.twelveDigits) } } };
  }
  if (s.ssn >= PATTERN_SHARE) return { category: 'ssn', reason: { key: 'detect.value.ssn', params: { share: pct(s.ssn) } } };
  if (s.phone >= PATTERN_SHARE) return { category: 'phone', reason: { key: 'detect.value.phone', params: { share: pct(s.phone) } } };
  return null;
}
