import { describe, expect, it } from 'vitest';
import { TokumeiError } from '../../../src/core/errors.ts';
import { errorMessage } from '../../../src/ui/components/error-text.ts';
import { ACCEPT_ATTRIBUTE, dragHasFiles } from '../../../src/ui/components/file-types.ts';
import { progressPercent } from '../../../src/ui/components/progress.ts';
import { resolveLang } from '../../../src/lib/lang-pref.ts';

describe('errorMessage', () => {
  const translate = (key: string, params?: Record<string, string | number>) => `T(${key},${JSON.stringify(params)})`;
  it('translates TokumeiErrors through the catalog', () => {
    expect(errorMessage(new TokumeiError('error.unknown', { detail: 'x' }), translate)).toBe('T(error.unknown,{"detail":"x"})');
  });
  it('shows other errors as they are', () => {
    expect(errorMessage(new Error('Parser Error: near FORM'), translate)).toBe('Parser Error: near FORM');
    expect(errorMessage('plain', translate)).toBe('plain');
    expect(errorMessage({ code: 7 }, translate)).toBe('{"code":7}');
  });
});

describe('file types', () => {
  it('offers every supported extension to the picker', () => {
    expect(ACCEPT_ATTRIBUTE.split(',')).toEqual(['.csv', '.tsv', '.txt', '.gz', '.parquet', '.arrow', '.feather', '.ipc']);
  });
  it('tells file drags from text drags', () => {
    expect(dragHasFiles(['Files'])).toBe(true);
    expect(dragHasFiles(['text/plain', 'Files'])).toBe(true);
    expect(dragHasFiles(['text/plain', 'text/uri-list'])).toBe(false);
    expect(dragHasFiles(undefined)).toBe(false);
  });
});

describe('progressPercent', () => {
  it('is null when unknown and clamped whole percent otherwise', () => {
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent(undefined)).toBeNull();
    expect(progressPercent(Number.NaN)).toBeNull();
    expect(progressPercent(0.424)).toBe(42);
    expect(progressPercent(1.3)).toBe(100);
    expect(progressPercent(-1)).toBe(0);
  });
});

describe('resolveLang', () => {
  it('prefers an explicit earlier choice', () => {
    expect(resolveLang('en', ['ja-JP'])).toBe('en');
    expect(resolveLang('ja', ['en-US'])).toBe('ja');
  });
  it('falls back to the browser languages, then Japanese', () => {
    expect(resolveLang(null, ['en-GB', 'ja'])).toBe('en');
    expect(resolveLang('fr', ['fr-FR', 'ja-JP'])).toBe('ja');
    expect(resolveLang(null, ['de-DE'])).toBe('ja');
    expect(resolveLang(null, [])).toBe('ja');
  });
});
