import { describe, expect, it } from 'vitest';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';
import { packageDocuments } from '../../../src/core/release/documents.ts';
import { reportHtml } from '../../../src/core/release/report-html.ts';
import { classSizeBuckets, distributionRows, DISTRIBUTION_MAX_BARS } from '../../../src/core/release/report-charts.ts';
import { naturalCompare } from '../../../src/core/release/natural-order.ts';
import { fixtureFacts, fixtureProvision, fixtureRisk, fixtureSpecInput, SECRET_CELL, SECRET_GENERALIZED_KEEP, SECRET_RECORD } from './fixture.ts';

const ja = reportHtml(fixtureFacts(), fixtureProvision(), { lang: 'ja' });
const en = reportHtml(fixtureFacts(), fixtureProvision(), { lang: 'en' });

/** The text of the section with this id (between its tags). */
const sectionOf = (html: string, id: string) => html.match(new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`))?.[1] ?? '';

describe('report.html', () => {
  it('is one self-contained document: no script, no URL, no external reference', () => {
    for (const html of [ja, en]) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang=')).toBe(true);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:/i);
      expect(html).not.toMatch(/\b(src|href|xlink:href|srcset|action)\s*=/i);
      expect(html).not.toMatch(/url\(|@import|@font-face|<link|<img|<iframe|<object|<embed/i);
      expect(html).not.toMatch(/\son\w+\s*=/i); // no event handler attributes
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    }
  });

  it('prints to A4 and keeps tables and charts whole', () => {
    expect(ja).toContain('@page { size: A4;');
    expect(ja).toMatch(/@media print \{[\s\S]*table, figure, \.chart, tr \{ break-inside: avoid;/);
  });

  it('is in the language asked for, with no message key or placeholder left over', () => {
    expect(ja).toContain('<html lang="ja">');
    expect(en).toContain('<html lang="en">');
    expect(ja).toContain('<h2>再識別リスク</h2>');
    expect(en).toContain('<h2>Re-identification risk</h2>');
    const keys = allMessageKeys().filter((k) => k.startsWith('release.'));
    for (const html of [ja, en]) {
      for (const k of keys) expect(html).not.toContain(k);
      expect(html).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });

  it('has every section, in order', () => {
    const order = ['summary', 'data', 'risk', 'utility', 'suppression', 'classes', 'distributions', 'peculiar', 'overrides', 'versions'];
    const at = order.map((id) => ja.indexOf(`<section id="${id}">`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('summarises mode, recipient, purpose and the provision', () => {
    const s = sectionOf(ja, 'summary');
    for (const text of ['匿名加工医療情報', '○○大学 医学部', '認定利用事業者以外', '糖尿病の疫学研究', 'REQ-2025-001', 'REV-7', '2028-03-31', '山田 花子', '佐藤 一郎']) {
      expect(s).toContain(text);
    }
  });

  it('gives the data counts and a plain-language line per risk figure', () => {
    const data = sectionOf(ja, 'data');
    expect(data).toContain('<th scope="row">元データのレコード数</th><td>1,000</td>');
    expect(data).toContain('<th scope="row">提供するレコード数</th><td>980</td>');
    expect(data).toContain('リスト 3 件、該当した対象者 2 人、除いたレコード 10 件');
    const risk = sectionOf(ja, 'risk');
    expect(risk).toContain('どの準識別子の値の組み合わせも、少なくとも 5 件のレコードが共有しています。');
    expect(risk).toContain('その人のレコードを言い当てられる確率は最大 20.00% です。');
    expect(sectionOf(en, 'risk')).toContain('An attacker who knows a person is in this data picks out that person&#39;s record with a probability of at most 20.00%.');
    expect(sectionOf(en, 'utility')).toContain('<td class="num">0.3125</td>');
    const supp = sectionOf(en, 'suppression');
    expect(supp).toContain('Every class below k = 5 was suppressed (within the limit).');
    expect(supp).toContain('<td>病名</td><td class="num">4</td>');
  });

  it('reports cell suppression (k step) apart from cells blanked for listed values', () => {
    const risk = fixtureRisk({
      suppression: null,
      suppressedRecords: 0,
      suppressedCells: 12,
      suppressedCellsByColumn: { 性別: 0, 生年月日: 12 },
      cellSuppression: { k: 5, columns: ['性別', '生年月日'], importance: { 性別: 1, 生年月日: 2 }, suppressedCells: 12, byColumn: { 性別: 0, 生年月日: 12 }, recordsTouched: 11, recordsAtRiskBefore: 11, minFrequency: 5, ms: 3.2 },
    });
    const s = sectionOf(reportHtml(fixtureFacts(undefined, { risk }), fixtureProvision(), { lang: 'ja' }), 'suppression');
    expect(s).toContain('<td>セル抑制（準識別子の値を最小限だけ空欄にする）</td>');
    expect(s).toContain('<th scope="row">k のために空欄にしたセル</th><td>12</td>');
    expect(s).toContain('どのレコードも少なくとも 5 件のレコードと一致し、k = 5 を満たしています');
    expect(s).toContain('<td>生年月日</td><td class="num">12</td>');
    expect(s).not.toContain('<td>性別</td><td class="num">0</td>');
    expect(s).toContain('<td>病名</td><td class="num">4</td>');
    expect(s).not.toContain('削除したレコード');
  });

  it('draws the class-size histogram and the released distributions of quasi-identifiers only', () => {
    expect(sectionOf(ja, 'classes')).toMatch(/<svg class="chart"[\s\S]*<rect class="bar/);
    const d = sectionOf(ja, 'distributions');
    expect((d.match(/<svg /g) ?? []).length).toBe(3);
    expect(d).toContain('>40-49<');
    expect(d).toContain('>&gt;=90<');
    expect(d).toContain('>（欠損）<');
    expect(d).not.toContain('病名');
  });

  it('shows no distribution of an identifier, sensitive or dropped column even if one is given', () => {
    const facts = fixtureFacts(undefined, {
      distributions: [
        { column: '患者ID', values: [{ value: 'PSEUDO-LEAK', count: 1 }] },
        { column: '病名', values: [{ value: 'SENSITIVE-LEAK', count: 1 }] },
        { column: '氏名', values: [{ value: 'NAME-LEAK', count: 1 }] },
      ],
    });
    const html = reportHtml(facts, fixtureProvision(), { lang: 'ja' });
    for (const leak of ['PSEUDO-LEAK', 'SENSITIVE-LEAK', 'NAME-LEAK']) expect(html).not.toContain(leak);
  });

  it('refuses facts whose distribution shows a value listed for suppression in an unchanged column', () => {
    const facts = fixtureFacts(undefined, { distributions: [{ column: '性別', values: [{ value: SECRET_RECORD, count: 1 }] }] });
    expect(() => reportHtml(facts, fixtureProvision(), { lang: 'ja' })).toThrow(/release.error.suppressedInDistribution/);
  });

  it('lists peculiar decisions with reasons; the value only for keep on an unchanged column', () => {
    const p = sectionOf(ja, 'peculiar');
    expect(p).toContain('<td>性別</td><td>レコードを削除する</td><td>（非表示）</td><td class="num">6</td><td>極めてまれな値</td>');
    expect(p).toContain('<td>性別</td><td>そのまま残す</td><td>不明</td><td class="num">10</td><td>分析上必要</td>');
    expect(p).toContain('<td>生年月日</td><td>そのまま残す</td><td>（非表示）</td>');
    for (const secret of [SECRET_CELL, SECRET_RECORD, SECRET_GENERALIZED_KEEP]) expect(ja).not.toContain(secret);
  });

  it('lists gate overrides with their reasons, rendered in the report language', () => {
    const facts = fixtureFacts(undefined, {
      overrides: [{ id: 'kUnmet', kind: 'kUnmet', key: 'release.gate.kUnmet', params: { k: 5, measured: 3 }, reason: '倫理審査委員会の承認（第 12 回）' }],
    });
    const o = sectionOf(reportHtml(facts, fixtureProvision(), { lang: 'en' }), 'overrides');
    expect(o).toContain('<td>kUnmet</td><td>The k-anonymity target k = 5 is not met (the smallest class has 3 records).</td><td>倫理審査委員会の承認（第 12 回）</td>');
    expect(sectionOf(ja, 'overrides')).toContain('省略した確認はありません。');
  });

  it('gives versions and hashes', () => {
    const v = sectionOf(en, 'versions');
    for (const text of ['0.1.0', 'v1.4.3', 'c'.repeat(64), 'a'.repeat(64), `${'b'.repeat(64)} (3)`]) expect(v).toContain(text);
  });

  it('escapes every text it prints', () => {
    const input = fixtureSpecInput();
    input.title = '<script>alert(1)</script>';
    input.columns!.push({ name: '<img src=x onerror=alert(1)>', role: 'quasi' });
    const facts = fixtureFacts(input, {
      operator: '"><svg onload=alert(1)>',
    });
    facts.columns.push({ name: '<img src=x onerror=alert(1)>', type: 'VARCHAR', role: 'quasi', transforms: [] });
    facts.distributions.push({ column: '<img src=x onerror=alert(1)>', values: [{ value: '<b>&amp;</b>', count: 3 }] });
    const html = reportHtml(facts, fixtureProvision({ purpose: "it's <i>research</i> & more" }), { lang: 'ja' });
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<svg onload/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('it&#39;s &lt;i&gt;research&lt;/i&gt; &amp; more');
    expect(html).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
  });

  it('is the same text for the same facts, every time', () => {
    expect(reportHtml(fixtureFacts(), fixtureProvision(), { lang: 'ja' })).toBe(ja);
    const a = packageDocuments(fixtureFacts(), fixtureProvision(), { lang: 'ja' });
    const b = packageDocuments(fixtureFacts(), fixtureProvision(), { lang: 'ja' });
    expect(a.map((d) => d.path)).toEqual(['dictionary.csv', 'report.html', 'records/creation-record.json', 'records/provision-record.json']);
    expect(a).toEqual(b);
    expect([...a[0].content.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('report charts', () => {
  it('buckets class sizes with k as a bound, counting classes and records', () => {
    const b = classSizeBuckets(
      [
        [1, 3],
        [6, 2],
        [7, 1],
        [12, 1],
        [2000, 1],
      ],
      7,
    );
    expect(b.map((x) => [x.lo, x.hi, x.classes, x.records])).toEqual([
      [1, 1, 3, 3],
      [2, 2, 0, 0],
      [3, 3, 0, 0],
      [4, 4, 0, 0],
      [5, 5, 0, 0],
      [6, 6, 2, 12],
      [7, 9, 1, 7],
      [10, 19, 1, 12],
      [20, 49, 0, 0],
      [50, 99, 0, 0],
      [100, 999, 0, 0],
      [1000, null, 1, 2000],
    ]);
    expect(classSizeBuckets([], 5)).toEqual([]);
  });

  it('folds the rarest values into one bar and puts missing last', () => {
    const values = Array.from({ length: 40 }, (_, i) => ({ value: `v${i}`, count: i + 1 }));
    const rows = distributionRows([...values, { value: null, count: 7 }], { missing: 'NA', others: (n) => `${n} others` });
    expect(rows).toHaveLength(DISTRIBUTION_MAX_BARS);
    expect(rows.at(-1)).toEqual({ label: 'NA', count: 7, kind: 'missing' });
    expect(rows.at(-2)).toEqual({ label: '18 others', count: (18 * 19) / 2, kind: 'others' });
    expect(rows.slice(0, -2).map((r) => r.label)).toEqual(Array.from({ length: 22 }, (_, i) => `v${i + 18}`));
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe((40 * 41) / 2 + 7);
  });

  it('orders labels naturally without locale data', () => {
    const labels = ['>=90', '10-19', '0-9', '100-109', '2024-Q10', '2024-Q2', 'a', 'B', '007', '7'];
    expect([...labels].sort(naturalCompare)).toEqual(['0-9', '7', '007', '10-19', '100-109', '2024-Q2', '2024-Q10', '>=90', 'B', 'a']);
  });
});
