/**
 * The only place in Tokumei where identifiers and literals are escaped.
 * Every SQL fragment that embeds a user-provided name or value goes through here.
 */
export function ident(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains NUL');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A qualified name such as schema.table. */
export function qualified(...parts: string[]): string {
  return parts.map(ident).join('.');
}

export function str(value: string): string {
  if (value.includes('\u0000')) throw new Error('string literal contains NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Text that DuckDB reads back as exactly this number. Fractions are written in
 * exponent form: DuckDB reads a plain 0.0098… as a DECIMAL first, and the later
 * cast to DOUBLE can be off by one unit in the last place.
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  if (Object.is(value, -0)) return '0';
  return Number.isInteger(value) ? String(value) : value.toExponential();
}

export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return num(value);
  return str(value);
}
