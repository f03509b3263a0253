import type { MessageKey } from '../i18n/catalog.ts';

/**
 * Zod carries one string per failed check. We put a message key (and its parameters) in
 * that string, so the schema itself decides which bilingual message a failure shows,
 * e.g. 「0 以上の整数が必要です」 for both "not an integer" and "negative".
 */
const MARK = '\u0001tokumei:';

export type IssueParams = Record<string, string | number>;

export function issueMessage(key: MessageKey, params: IssueParams = {}): string {
  return MARK + JSON.stringify({ key, params });
}

export function readIssueMessage(message: string): { key: MessageKey; params: IssueParams } | null {
  if (!message.startsWith(MARK)) return null;
  return JSON.parse(message.slice(MARK.length)) as { key: MessageKey; params: IssueParams };
}
