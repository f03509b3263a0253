import type { MessageKey } from '../../../core/i18n/catalog.ts';
import type { PresetOptions, Reason, SpecEdit } from '../../../core/spec/index.ts';
import { describeTransform } from './chain.ts';

type Text = { key: MessageKey; params: Record<string, string | number> };

/** One edit a preset proposes, described for the list the user accepts edits from. */
export interface Proposal {
  index: number;
  edit: SpecEdit;
  /** What the edit is about (a column, a hierarchy, the privacy model…). */
  target: Text;
  /** What it sets, in a few words each. */
  detail: Text[];
  /** Why the preset proposes it. */
  why: Reason | null;
  /** Hierarchies the edit needs (added with it even when unticked). */
  needs: string[];
}

/** Both languages write 5% the same way. */
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });

const text = (key: MessageKey, params: Record<string, string | number> = {}): Text => ({ key, params });

function describe(edit: SpecEdit): Pick<Proposal, 'target' | 'detail' | 'needs'> {
  switch (edit.op) {
    case 'setColumn': {
      const c = edit.column;
      const chain = c.transforms.map(describeTransform);
      return {
        target: text('uiSpec.proposal.column', { column: c.name }),
        detail: [text(`uiSpec.role.${c.role}`), ...(chain.length ? chain : [text('uiSpec.chain.keep')]), ...(c.freeText ? [text('uiSpec.proposal.freeText')] : [])],
        needs: c.transforms.flatMap((t) => (t.kind === 'generalize' ? [t.hierarchy] : [])),
      };
    }
    case 'setHierarchy':
      return { target: text('uiSpec.proposal.hierarchy', { name: edit.hierarchy.name }), detail: [text(`uiSpec.hierarchy.kind.${edit.hierarchy.kind}`)], needs: [] };
    case 'setModel': {
      const m = edit.model;
      const detail: Text[] = [];
      if ('k' in m) detail.push(m.k === undefined ? text('uiSpec.proposal.noK') : text('uiSpec.proposal.k', { k: m.k }));
      if (m.suppressionLimit !== undefined) detail.push(text('uiSpec.proposal.suppression', { percent: PERCENT.format(m.suppressionLimit) }));
      return { target: text('uiSpec.proposal.model'), detail, needs: [] };
    }
    case 'setPeculiarReview':
      return { target: text('uiSpec.proposal.peculiar'), detail: [text(edit.review ? 'uiSpec.proposal.yes' : 'uiSpec.proposal.no')], needs: [] };
    case 'setRelease':
      return {
        target: text('uiSpec.proposal.release'),
        detail: edit.release.mode ? [text(`uiSpec.mode.${edit.release.mode}`)] : [],
        needs: [],
      };
    default:
      return { target: text('uiSpec.proposal.other', { op: edit.op }), detail: [], needs: [] };
  }
}

export function proposals(edits: readonly SpecEdit[]): Proposal[] {
  return edits.map((edit, index) => ({ index, edit, why: edit.why ?? null, ...describe(edit) }));
}

/**
 * The edits to apply for the ticked proposals, in the preset's order (hierarchies first),
 * plus any hierarchy a ticked column needs, so accepting a column never leaves it pointing
 * at a hierarchy that is not there.
 */
export function acceptedEdits(list: readonly Proposal[], ticked: ReadonlySet<number>): SpecEdit[] {
  const needed = new Set(list.filter((p) => ticked.has(p.index)).flatMap((p) => p.needs));
  return list
    .filter((p) => ticked.has(p.index) || (p.edit.op === 'setHierarchy' && needed.has(p.edit.hierarchy.name)))
    .map((p) => p.edit);
}

/** The preset's options from the form: k and the suppression limit (typed in percent) only matter to the anonymized preset. */
export function presetOptions(form: { k: number; suppressionPercent: number; referenceDate: string }): PresetOptions {
  const out: PresetOptions = {};
  if (Number.isInteger(form.k) && form.k >= 1) out.k = form.k;
  if (Number.isFinite(form.suppressionPercent) && form.suppressionPercent >= 0 && form.suppressionPercent <= 100) {
    out.suppressionLimit = Number((form.suppressionPercent / 100).toPrecision(12));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(form.referenceDate)) out.referenceDate = form.referenceDate;
  return out;
}
