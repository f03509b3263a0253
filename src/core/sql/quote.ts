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

/** Shortest text that reads back as the same double (JS's own rendering is exactly that). */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return num(value);
  return str(value);
}
