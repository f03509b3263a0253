import type { MessageKey } from '../i18n/catalog.ts';
import type { Model } from '../spec/schema.ts';
import type { LDiversityVariant, SearchMetric, TClosenessVariant } from './types.ts';

/**
 * The Search view's criteria as the user types them. An empty field means the criterion is
 * not used; the suppression limit is in percent, as people say it ("4 %").
 */
export interface CriteriaForm {
  k: string;
  l: string;
  lVariant: LDiversityVariant;
  /** c of recursive (c,l)-diversity. */
  c: string;
  t: string;
  tVariant: TClosenessVariant;
  maxRisk: string;
  suppressionPercent: string;
  metric: SearchMetric;
}

export interface FormIssue {
  field: keyof CriteriaForm;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** k used when the spec names no criterion at all, so a first search can start at once. */
export const DEFAULT_K = 5;

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The form as the spec's model fills it. */
export function criteriaForm(model: Model, metric: SearchMetric = 'loss'): CriteriaForm {
  const none = model.k === undefined && !model.l && !model.t && model.maxRisk === undefined;
  return {
    k: none ? String(DEFAULT_K) : text(model.k),
    l: text(model.l?.value),
    lVariant: model.l?.variant ?? 'distinct',
    c: text(model.l?.c),
    t: text(model.t?.value),
    tVariant: model.t?.variant ?? 'equal',
    maxRisk: text(model.maxRisk),
    suppressionPercent: String(Number(((model.suppressionLimit ?? 0) * 100).toPrecision(12))),
    metric,
  };
}

/** Full-width digits and signs (typed with a Japanese IME) read as their ASCII forms. */
function parse(value: string): number | null {
  const s = value.normalize('NFKC').trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/** The model the form describes (in the spec's terms), or what is wrong with it, field by field. */
export function modelOfForm(form: CriteriaForm): { model: Model; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const model: Model = { suppressionLimit: 0 };
  const k = parse(form.k);
  if (k !== null) {
    if (Number.isInteger(k) && k >= 1) model.k = k;
    else issues.push({ field: 'k', key: 'uiSearch.issue.k' });
  }
  const l = parse(form.l);
  if (l !== null) {
    const whole = form.lVariant !== 'entropy';
    if (!(l >= 1) || (whole && !Number.isInteger(l))) issues.push({ field: 'l', key: 'uiSearch.issue.l' });
    else if (form.lVariant === 'recursive') {
      const c = parse(form.c);
      if (c === null || !(c > 0)) issues.push({ field: 'c', key: 'uiSearch.issue.c' });
      else model.l = { value: l, variant: 'recursive', c };
    } else model.l = { value: l, variant: form.lVariant };
  }
  const t = parse(form.t);
  if (t !== null) {
    if (t > 0 && t <= 1) model.t = { value: t, variant: form.tVariant };
    else issues.push({ field: 't', key: 'uiSearch.issue.t' });
  }
  const risk = parse(form.maxRisk);
  if (risk !== null) {
    if (risk > 0 && risk <= 1) model.maxRisk = risk;
    else issues.push({ field: 'maxRisk', key: 'uiSearch.issue.maxRisk' });
  }
  const pct = parse(form.suppressionPercent);
  if (pct === null || !(pct >= 0 && pct <= 100)) issues.push({ field: 'suppressionPercent', key: 'uiSearch.issue.suppression' });
  else model.suppressionLimit = Number((pct / 100).toPrecision(12));
  const fieldsOk = issues.length === 0;
  if (fieldsOk && model.k === undefined && !model.l && !model.t && model.maxRisk === undefined) {
    issues.push({ field: 'k', key: 'uiSearch.issue.noCriterion' });
  }
  return { model, issues };
}

/** Whether two models ask the same (to tell the user that applying a node also records the criteria). */
export function sameModel(a: Model, b: Model): boolean {
  const norm = (m: Model) =>
    JSON.stringify([m.k ?? null, m.l ? [m.l.value, m.l.variant, m.l.c ?? null] : null, m.t ? [m.t.value, m.t.variant] : null, m.maxRisk ?? null, m.suppressionLimit ?? 0]);
  return norm(a) === norm(b);
}
