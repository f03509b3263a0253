import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoFiles } from '../../../src/core/demo/index.ts';
import { egfrJapanese } from '../../../src/core/demo/labs.ts';
import { nameReadings } from '../../../src/core/demo/names.ts';
import { allTowns } from '../../../src/core/demo/places.ts';
import { NativeEngine } from '../../../src/cli/native-engine.ts';
import type { SqlRow } from '../../../src/core/engine.ts';

/**
 * Checks of the 10 000-patient demo extract against facts about Japan and medicine that
 * are written here independently of the generator's tables: postal regions, name
 * readings, an old population, disease epidemiology, laboratory physiology.
 */

/** First two postal digits by prefecture (the regional structure of 郵便番号). */
const POSTAL_REGIONS: Record<string, string[]> = {
  北海道: ['00', '04', '05', '06', '07', '08', '09'], 青森県: ['03'], 岩手県: ['02'], 宮城県: ['98'], 秋田県: ['01'], 山形県: ['99'],
  福島県: ['96', '97'], 茨城県: ['30', '31'], 栃木県: ['32'], 群馬県: ['37'], 埼玉県: ['33', '34', '35', '36'],
  千葉県: ['26', '27', '28', '29'], 東京都: ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'],
  神奈川県: ['21', '22', '23', '24', '25'], 新潟県: ['94', '95'], 富山県: ['93'], 石川県: ['92'], 福井県: ['91'], 山梨県: ['40'],
  長野県: ['38', '39'], 岐阜県: ['50'], 静岡県: ['41', '42', '43'], 愛知県: ['44', '45', '46', '47', '48', '49'], 三重県: ['51'],
  滋賀県: ['52'], 京都府: ['60', '61', '62'], 大阪府: ['53', '54', '55', '56', '57', '58', '59'], 兵庫県: ['65', '66', '67'],
  奈良県: ['63'], 和歌山県: ['64'], 鳥取県: ['68'], 島根県: ['69'], 岡山県: ['70', '71'], 広島県: ['72', '73'], 山口県: ['74', '75'],
  徳島県: ['77'], 香川県: ['76'], 愛媛県: ['79'], 高知県: ['78'], 福岡県: ['80', '81', '82', '83'], 佐賀県: ['84'], 長崎県: ['85'],
  熊本県: ['86'], 大分県: ['87'], 宮崎県: ['88'], 鹿児島県: ['89'], 沖縄県: ['90'],
};

const AGE = `date_sub('year', CAST(生年月日 AS DATE), DATE '2024-04-01')`;

describe('demo extract realism (10 000 patients, default seed)', () => {
  let e: NativeEngine;
  const q = (sql: string) => e.rows(sql);
  const one = async (sql: string): Promise<SqlRow> => (await q(sql))[0];

  beforeAll(async () => {
    e = await NativeEngine.create({ threads: 2 });
    for (const f of generateDemoFiles({ patients: 10_000 })) {
      await e.registerFile(f.fileName, f.bytes);
      await e.exec(`CREATE TABLE ${f.key} AS SELECT * FROM read_csv('${f.fileName}', header = true, all_varchar = true)`);
    }
  });
  afterAll(() => e.close());

  it('has the documented row counts and a plausible size for the child tables', async () => {
    const r = await one(`SELECT (SELECT count(*) FROM patients) p, (SELECT count(*) FROM encounters) e, (SELECT count(*) FROM labs) l, (SELECT count(*) FROM prescriptions) rx`);
    expect(r.p).toBe(10_000);
    for (const k of ['e', 'l', 'rx']) {
      expect(Number(r[k]) / 10_000).toBeGreaterThan(2);
      expect(Number(r[k]) / 10_000).toBeLessThan(30);
    }
  });

  it('puts every postal code in its prefecture’s postal region, one town per code', async () => {
    const rows = await q(`SELECT 都道府県 AS p, 郵便番号 AS z FROM patients`);
    for (const r of rows) {
      expect(String(r.z)).toMatch(/^\d{7}$/);
      expect(POSTAL_REGIONS[String(r.p)]).toContain(String(r.z).slice(0, 2));
    }
    const multi = await one(`SELECT count(*) AS n FROM (SELECT 郵便番号 FROM patients GROUP BY 1 HAVING count(DISTINCT 都道府県 || 市区町村) > 1)`);
    expect(multi.n).toBe(0);
    const leadingZero = await one(`SELECT count(*) AS n FROM patients WHERE 郵便番号 LIKE '0%'`);
    expect(Number(leadingZero.n)).toBeGreaterThan(0);
  });

  it('has every town of the embedded map in its prefecture’s postal region', () => {
    for (const t of allTowns()) expect(POSTAL_REGIONS[t.prefecture], t.municipality).toContain(t.postalCode.slice(0, 2));
  });

  it('spreads patients over all 47 prefectures roughly as people live', async () => {
    const rows = await q(`SELECT 都道府県 AS p, count(*) AS n FROM patients GROUP BY 1`);
    expect(rows.length).toBe(47);
    const share = Object.fromEntries(rows.map((r) => [String(r.p), Number(r.n) / 10_000]));
    expect(share['東京都']).toBeGreaterThan(0.08); // 11.1 % of Japan (2020 census)
    expect(share['東京都']).toBeLessThan(0.14);
    expect(share['大阪府']).toBeGreaterThan(0.05); // 7.0 %
    expect(share['鳥取県']).toBeLessThan(0.01); // 0.44 %
    expect(Math.max(...Object.values(share))).toBe(share['東京都']);
  });

  it('writes names in kanji with a matching full-width katakana reading', async () => {
    const { surnames, given } = nameReadings();
    const rows = await q(`SELECT 氏名 AS n, 氏名カナ AS k FROM patients`);
    for (const r of rows) {
      const [sn, gn] = String(r.n).split('\u3000');
      const [sk, gk] = String(r.k).split('\u3000');
      expect(String(r.k)).toMatch(/^[ァ-ヶー]+\u3000[ァ-ヶー]+$/);
      expect(surnames.get(sn)?.has(sk)).toBe(true);
      expect(given.get(gn)?.has(gk)).toBe(true);
    }
  });

  it('has 佐藤 and 鈴木 as the commonest surnames, in realistic proportion to the next', async () => {
    const rows = await q(`SELECT split_part(氏名, '\u3000', 1) AS s, count(*) AS n FROM patients GROUP BY 1 ORDER BY n DESC, s LIMIT 3`);
    expect(new Set(rows.slice(0, 2).map((r) => r.s))).toEqual(new Set(['佐藤', '鈴木']));
    const sato = Number(rows.find((r) => r.s === '佐藤')!.n);
    const takahashi = Number((await one(`SELECT count(*) AS n FROM patients WHERE 氏名 LIKE '高橋\u3000%'`)).n);
    // Nationally 佐藤 : 高橋 ≈ 1.88 M : 1.41 M.
    expect(sato / takahashi).toBeGreaterThan(1.05);
    expect(sato / takahashi).toBeLessThan(1.8);
    const okinawa = await one(`SELECT count(*) FILTER (WHERE 氏名 LIKE '比嘉%' OR 氏名 LIKE '金城%' OR 氏名 LIKE '大城%') AS n, count(*) AS t FROM patients WHERE 都道府県 = '沖縄県'`);
    expect(Number(okinawa.n) / Number(okinawa.t)).toBeGreaterThan(0.05);
  });

  it('is an old population: about half aged 65+, a few centenarians, women outliving men', async () => {
    const r = await one(`SELECT avg(CASE WHEN ${AGE} >= 65 THEN 1 ELSE 0 END) AS old, count(*) FILTER (WHERE ${AGE} >= 100) AS c100,
      count(*) FILTER (WHERE ${AGE} < 15) AS kids, avg(CASE WHEN 性別 = '女' THEN 1 ELSE 0 END) FILTER (WHERE ${AGE} >= 90) AS f90,
      max(生年月日) AS youngest, count(*) FILTER (WHERE 性別 NOT IN ('男', '女')) AS badsex FROM patients`);
    expect(Number(r.old)).toBeGreaterThan(0.45);
    expect(Number(r.old)).toBeLessThan(0.7);
    expect(Number(r.c100)).toBeGreaterThanOrEqual(3);
    expect(Number(r.c100)).toBeLessThan(60);
    expect(Number(r.kids)).toBeGreaterThan(300);
    expect(Number(r.f90)).toBeGreaterThan(0.6);
    expect(String(r.youngest) <= '2024-04-01').toBe(true);
    expect(r.badsex).toBe(0);
  });

  it('formats phone numbers as Japanese landline or mobile numbers', async () => {
    const rows = await q(`SELECT 電話番号 AS t FROM patients WHERE 電話番号 IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(9000);
    for (const r of rows) {
      const t = String(r.t);
      if (/^0[789]0-/.test(t)) expect(t).toMatch(/^0[789]0-\d{4}-\d{4}$/);
      else {
        expect(t).toMatch(/^0\d{1,4}-\d{1,4}-\d{4}$/);
        expect(t.replaceAll('-', '').length).toBe(10);
      }
    }
  });

  it('has common chronic diseases at epidemiological rates', async () => {
    const r = await one(`WITH dx AS (SELECT DISTINCT 患者ID, 傷病名コード AS c FROM encounters)
      SELECT avg(CASE WHEN EXISTS (SELECT 1 FROM dx WHERE dx.患者ID = p.患者ID AND c = 'E11.9') THEN 1 ELSE 0 END) FILTER (WHERE ${AGE} >= 40) AS e11,
             avg(CASE WHEN EXISTS (SELECT 1 FROM dx WHERE dx.患者ID = p.患者ID AND c = 'I10') THEN 1 ELSE 0 END) FILTER (WHERE ${AGE} >= 65) AS i10,
             avg(CASE WHEN EXISTS (SELECT 1 FROM dx WHERE dx.患者ID = p.患者ID AND c = 'E11.9') THEN 1 ELSE 0 END) FILTER (WHERE ${AGE} < 15) AS e11kids
      FROM patients p`);
    expect(Number(r.e11)).toBeGreaterThan(0.08);
    expect(Number(r.e11)).toBeLessThan(0.25);
    expect(Number(r.i10)).toBeGreaterThan(0.25);
    expect(Number(r.i10)).toBeLessThan(0.6);
    expect(Number(r.e11kids)).toBeLessThan(0.01);
  });

  it('contains each rare disease in a handful of patients, in the right people', async () => {
    const rows = await q(`SELECT 傷病名コード AS c, count(DISTINCT e.患者ID) AS n,
        count(DISTINCT e.患者ID) FILTER (WHERE p.性別 = '女') AS women, max(${AGE}) AS oldest
      FROM encounters e JOIN patients p USING (患者ID) WHERE 傷病名コード IN ('G12.2', 'E84.9', 'D66', 'Q90.9', 'E75.2') GROUP BY 1`);
    const by = Object.fromEntries(rows.map((r) => [String(r.c), r]));
    for (const code of ['G12.2', 'E84.9', 'D66', 'Q90.9', 'E75.2']) {
      expect(Number(by[code]?.n ?? 0)).toBeGreaterThanOrEqual(1);
      expect(Number(by[code].n)).toBeLessThanOrEqual(25);
    }
    expect(by['D66'].women).toBe(0); // haemophilia A is X-linked
    expect(Number(by['E84.9'].oldest)).toBeLessThan(45);
  });

  it('correlates labs with diagnoses, with realistic outliers', async () => {
    const r = await one(`WITH e11 AS (SELECT DISTINCT 患者ID FROM encounters WHERE 傷病名コード = 'E11.9'),
        ckd AS (SELECT 患者ID, max(傷病名コード) AS stage FROM encounters WHERE 傷病名コード LIKE 'N18.%' GROUP BY 1),
        l AS (SELECT 患者ID, 検査項目 AS item, CAST(結果値 AS DOUBLE) AS v FROM labs)
      SELECT avg(v) FILTER (WHERE item = 'HbA1c' AND 患者ID IN (SELECT 患者ID FROM e11)) AS a1c_dm,
             avg(v) FILTER (WHERE item = 'HbA1c' AND 患者ID NOT IN (SELECT 患者ID FROM e11)) AS a1c_other,
             max(v) FILTER (WHERE item = 'HbA1c') AS a1c_max,
             avg(v) FILTER (WHERE item = 'eGFR' AND 患者ID IN (SELECT 患者ID FROM ckd WHERE stage = 'N18.4')) AS egfr4,
             avg(v) FILTER (WHERE item = 'eGFR' AND 患者ID IN (SELECT 患者ID FROM ckd WHERE stage = 'N18.3')) AS egfr3,
             avg(v) FILTER (WHERE item = 'eGFR' AND 患者ID NOT IN (SELECT 患者ID FROM ckd)) AS egfr_other,
             max(v) FILTER (WHERE item = 'LDL-C') AS ldl_max,
             max(v) FILTER (WHERE item = 'ALT') AS alt_max
      FROM l`);
    expect(Number(r.a1c_dm) - Number(r.a1c_other)).toBeGreaterThan(0.8);
    expect(Number(r.a1c_max)).toBeGreaterThanOrEqual(13);
    expect(Number(r.a1c_max)).toBeLessThanOrEqual(20);
    expect(Number(r.egfr4)).toBeLessThan(30);
    expect(Number(r.egfr3)).toBeGreaterThan(30);
    expect(Number(r.egfr3)).toBeLessThan(60);
    expect(Number(r.egfr_other)).toBeGreaterThan(60);
    expect(Number(r.ldl_max)).toBeGreaterThanOrEqual(250);
    expect(Number(r.alt_max)).toBeGreaterThanOrEqual(300);
    const heavy = await one(`SELECT count(*) AS n FROM patients WHERE CAST(体重 AS DOUBLE) >= 120`);
    expect(Number(heavy.n)).toBeGreaterThanOrEqual(1);
  });

  it('reports eGFR computed from creatinine by the Japanese equation', async () => {
    const rows = await q(`SELECT c.患者ID, CAST(c.結果値 AS DOUBLE) AS cr, CAST(g.結果値 AS DOUBLE) AS egfr, p.性別 AS sex,
        date_sub('year', CAST(p.生年月日 AS DATE), CAST(c.検査日 AS DATE)) AS age
      FROM labs c JOIN labs g ON g.患者ID = c.患者ID AND g.検査日 = c.検査日 AND g.検査項目 = 'eGFR' AND c.検査項目 = 'Cr'
      JOIN patients p ON p.患者ID = c.患者ID LIMIT 2000`);
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) {
      expect(Math.abs(egfrJapanese(Number(r.cr), Number(r.age), r.sex === '女') - Number(r.egfr))).toBeLessThanOrEqual(0.051);
    }
  });

  it('keeps encounters coherent: dates in the window, after birth, discharges after admissions, nothing after death', async () => {
    const r = await one(`SELECT
        count(*) FILTER (WHERE CAST(受診日 AS DATE) NOT BETWEEN DATE '2022-04-01' AND DATE '2024-03-31') AS outside,
        count(*) FILTER (WHERE CAST(受診日 AS DATE) < CAST(p.生年月日 AS DATE)) AS before_birth,
        count(*) FILTER (WHERE 受診区分 = '外来' AND (退院日 IS NOT NULL OR 転帰 IS NOT NULL)) AS bad_outpatient,
        count(*) FILTER (WHERE 受診区分 = '外来' AND dayofweek(CAST(受診日 AS DATE)) = 0) AS sundays,
        count(*) FILTER (WHERE CAST(退院日 AS DATE) < CAST(受診日 AS DATE)) AS backwards,
        count(*) FILTER (WHERE 受診区分 = '入院' AND 退院日 IS NULL) AS still_in,
        count(*) FILTER (WHERE 転帰 = '死亡') AS deaths
      FROM encounters e JOIN patients p USING (患者ID)`);
    expect(r.outside).toBe(0);
    expect(r.before_birth).toBe(0);
    expect(r.bad_outpatient).toBe(0);
    expect(r.sundays).toBe(0);
    expect(r.backwards).toBe(0);
    expect(Number(r.still_in)).toBeGreaterThan(0);
    expect(Number(r.deaths)).toBeGreaterThan(0);
    const after = await one(`SELECT count(*) AS n FROM encounters e JOIN (SELECT 患者ID, CAST(退院日 AS DATE) AS d FROM encounters WHERE 転帰 = '死亡') x USING (患者ID)
      WHERE CAST(e.受診日 AS DATE) > x.d`);
    expect(after.n).toBe(0);
    const primary = await one(`SELECT avg(CASE WHEN EXISTS (SELECT 1 FROM encounters e WHERE e.患者ID = p.患者ID AND e.傷病名コード = p.主病名) THEN 1 ELSE 0 END) AS hit FROM patients p`);
    expect(Number(primary.hit)).toBeGreaterThan(0.95);
  });

  it('prescribes drugs that fit the diagnoses', async () => {
    const r = await one(`SELECT
        count(DISTINCT 患者ID) FILTER (WHERE 薬剤名 LIKE 'メトホルミン%') AS metformin,
        count(DISTINCT 患者ID) FILTER (WHERE 薬剤名 LIKE 'メトホルミン%' AND 患者ID NOT IN (SELECT 患者ID FROM encounters WHERE 傷病名コード = 'E11.9')) AS metformin_no_dm,
        count(DISTINCT 患者ID) FILTER (WHERE 薬剤名 LIKE 'リルゾール%' AND 患者ID NOT IN (SELECT 患者ID FROM encounters WHERE 傷病名コード = 'G12.2')) AS riluzole_no_als,
        count(*) FILTER (WHERE CAST(日数 AS INTEGER) NOT BETWEEN 1 AND 90) AS bad_days
      FROM prescriptions`);
    expect(Number(r.metformin)).toBeGreaterThan(50);
    expect(r.metformin_no_dm).toBe(0);
    expect(r.riluzole_no_als).toBe(0);
    expect(r.bad_days).toBe(0);
  });

  it('makes most patients unique on birth date, sex and postal code (the point of the demo)', async () => {
    const r = await one(`SELECT count(*) FILTER (WHERE n = 1) AS uniques FROM (SELECT count(*) AS n FROM patients GROUP BY 生年月日, 性別, 郵便番号)`);
    expect(Number(r.uniques)).toBeGreaterThan(9000);
  });
});
