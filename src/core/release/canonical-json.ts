/**
 * Canonical JSON for the package records: object keys sorted by UTF-16 code unit, two-space
 * indent, LF line ends, one final newline, numbers as ECMAScript writes them (the shortest
 * form that reads back to the same double; identical in every engine, unlike toLocaleString or
 * toFixed on large values). So a record hashes the same in the browser and in the CLI.
 *
 * What JSON cannot say the same way everywhere is refused rather than silently changed:
 * NaN/±Infinity, undefined inside arrays, and objects that are not plain (Date, Map, class
 * instances). An undefined property is left out, as JSON.stringify does; -0 is written as 0.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', '$') + '\n';
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

function write(v: unknown, indent: string, at: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${at} is not a finite number (${v})`);
      return Object.is(v, -0) ? '0' : JSON.stringify(v);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: ${at} has type ${typeof v}`);
  }
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((x, i) => {
      if (x === undefined) throw new TypeError(`canonicalJson: ${at}[${i}] is undefined`);
      return inner + write(x, inner, `${at}[${i}]`);
    });
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new TypeError(`canonicalJson: ${at} is not a plain object`);
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  const entries = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write((v as Record<string, unknown>)[k], inner, `${at}.${k}`)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
