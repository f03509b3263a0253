import type { ZodError } from 'zod';
import { TokumeiError } from '../errors.ts';
import { t, type Lang, type MessageKey } from '../i18n/catalog.ts';
import { readIssueMessage, type IssueParams } from './issue-message.ts';

/**
 * One problem found in a spec: where it is (a JSON path such as
 * `columns[3].transforms[0].level`) and what is wrong (a message key whose text starts
 * with that path). `params.path` always holds the path, so rendering needs nothing else.
 */
export interface SpecIssue {
  path: string;
  key: MessageKey;
  params: IssueParams;
}

type ZodIssue = ZodError['issues'][number];

/** `['columns', 3, 'transforms', 0, 'level']` → `columns[3].transforms[0].level`; the root is `(spec)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const name = String(p);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out || '(spec)';
}

export function specIssue(path: readonly PropertyKey[] | string, key: MessageKey, params: IssueParams = {}): SpecIssue {
  const p = typeof path === 'string' ? path : formatPath(path);
  return { path: p, key, params: { ...params, path: p } };
}

const EXPECTED: Record<string, MessageKey> = {
  string: 'spec.issue.expectedString',
  number: 'spec.issue.expectedNumber',
  int: 'spec.issue.expectedInt',
  boolean: 'spec.issue.expectedBoolean',
  object: 'spec.issue.expectedObject',
  array: 'spec.issue.expectedArray',
};

const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Zod's issues as bilingual spec issues (custom keys from the schema win over the generic mapping). */
export function fromZodIssues(issues: readonly ZodIssue[]): SpecIssue[] {
  return issues.map((iss) => {
    // With reportInput, an absent field shows up as a type/value/union failure on `undefined`.
    const absent = 'input' in iss && iss.input === undefined;
    if (absent && (iss.code === 'invalid_type' || iss.code === 'invalid_value' || iss.code === 'invalid_union')) {
      return specIssue(iss.path, 'spec.issue.required');
    }
    const custom = readIssueMessage(iss.message);
    if (custom) return specIssue(iss.path, custom.key, custom.params);
    switch (iss.code) {
      case 'invalid_type':
        return specIssue(iss.path, EXPECTED[iss.expected] ?? 'spec.issue.invalid', { detail: iss.expected });
      case 'invalid_value':
        return iss.values.length === 1
          ? specIssue(iss.path, 'spec.issue.mustEqual', { value: JSON.stringify(iss.values[0]) })
          : specIssue(iss.path, 'spec.issue.oneOf', { values: quoteList(iss.values) });
      case 'too_small':
        if (iss.origin === 'array') return specIssue(iss.path, 'spec.issue.minItems', { min: Number(iss.minimum) });
        if (iss.origin === 'string') return specIssue(iss.path, 'spec.issue.minLength', { min: Number(iss.minimum) });
        return specIssue(iss.path, iss.inclusive ? 'spec.issue.atLeast' : 'spec.issue.greaterThan', { min: Number(iss.minimum) });
      case 'too_big':
        if (iss.origin === 'array') return specIssue(iss.path, 'spec.issue.maxItems', { max: Number(iss.maximum) });
        if (iss.origin === 'string') return specIssue(iss.path, 'spec.issue.maxLength', { max: Number(iss.maximum) });
        return specIssue(iss.path, iss.inclusive ? 'spec.issue.atMost' : 'spec.issue.lessThan', { max: Number(iss.maximum) });
      case 'unrecognized_keys':
        return specIssue(iss.path, 'spec.issue.unknownKeys', { keys: quoteList(iss.keys) });
      case 'invalid_union': {
        const options = (iss as { options?: unknown[] }).options;
        if (options) return specIssue(iss.path, 'spec.issue.oneOf', { values: quoteList(options) });
        return specIssue(iss.path, 'spec.issue.invalid', { detail: iss.message });
      }
      default:
        return specIssue(iss.path, 'spec.issue.invalid', { detail: iss.message });
    }
  });
}

/**
 * A spec that cannot be used. Its key and params are those of the first issue (so any host
 * shows a useful one-line message); `issues` lists all of them for a full report.
 */
export class SpecError extends TokumeiError {
  readonly issues: readonly SpecIssue[];
  constructor(issues: readonly SpecIssue[]) {
    const first = issues[0] ?? specIssue([], 'spec.issue.invalid', { detail: '' });
    super(first.key, first.params);
    this.issues = issues;
  }
}

export function renderIssue(lang: Lang, issue: SpecIssue): string {
  return t(lang, issue.key, issue.params);
}
