import { app } from './messages/app.ts';
import { engine } from './messages/engine.ts';
import { shell } from './messages/shell.ts';
import { ui } from './messages/ui.ts';
import { risk } from './messages/risk.ts';
import { load } from './messages/load.ts';
import { riskSdc } from './messages/riskSdc.ts';
import { demo } from './messages/demo.ts';
import { cli } from './messages/cli.ts';
import { search } from './messages/search.ts';
import { spec } from './messages/spec.ts';
import { detect } from './messages/detect.ts';
import { uiSpec } from './messages/uiSpec.ts';
import { uiRisk } from './messages/uiRisk.ts';
import { uiRisk2 } from './messages/uiRisk2.ts';
import { riskPopulation } from './messages/riskPopulation.ts';
import { argus } from './messages/argus.ts';
import { cells } from './messages/cells.ts';
import { uiCells } from './messages/uiCells.ts';
import { releaseBytes } from './messages/release-bytes.ts';
import { release } from './messages/release.ts';
import { uiPreview } from './messages/uiPreview.ts';
import { uiSearch } from './messages/uiSearch.ts';
import { cliRelease } from './messages/cli-release.ts';
import { uiRelease } from './messages/uiRelease.ts';

/**
 * All message areas. Each area file owns its keys (prefix = area) and gives
 * both languages for every key; add new areas here.
 */
const areas = { ...app, ...engine, ...shell, ...ui, ...risk, ...load, ...riskSdc, ...demo, ...cli, ...search, ...spec, ...detect, ...uiSpec, ...uiRisk, ...uiRisk2, ...riskPopulation, ...argus, ...cells, ...uiCells, ...releaseBytes, ...release, ...uiPreview, ...uiSearch, ...cliRelease, ...uiRelease };

export type MessageKey = keyof typeof areas;
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

export function allMessageKeys(): MessageKey[] {
  return Object.keys(areas) as MessageKey[];
}

/** Fill {name} placeholders. Missing parameters stay visible rather than silently vanish. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const entry = areas[key] as { ja: string; en: string } | undefined;
  return format(entry ? entry[lang] : key, params);
}

/** Japanese unless the browser (or LANG) prefers English. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const p of preferred) {
    const base = p.toLowerCase().split(/[-_.]/)[0];
    if (base === 'ja') return 'ja';
    if (base === 'en') return 'en';
  }
  return 'ja';
}
