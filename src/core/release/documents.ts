import type { Lang } from '../i18n/catalog.ts';
import { creationRecordBytes } from './creation-record.ts';
import { utf8WithBom } from './csv-text.ts';
import { dictionaryCsv } from './dictionary.ts';
import type { PackageFacts, Provision } from './facts.ts';
import { provisionRecordBytes } from './provision-record.ts';
import { reportHtmlBytes } from './report-html.ts';
import { PACKAGE_PATHS } from './types.ts';

/**
 * The package's documents as files, ready for the zip writer: dictionary (UTF-8 with BOM),
 * report, creation record and provision record. spec.json, the data files and MANIFEST are
 * the assembler's. The report's language is an input like any other: the same facts and
 * language give the same bytes.
 */
export function packageDocuments(facts: PackageFacts, provision: Provision, opts: { lang: Lang }): { path: string; content: Uint8Array }[] {
  return [
    { path: PACKAGE_PATHS.dictionary, content: utf8WithBom(dictionaryCsv(facts)) },
    { path: PACKAGE_PATHS.report, content: reportHtmlBytes(facts, provision, opts) },
    { path: PACKAGE_PATHS.creationRecord, content: creationRecordBytes(facts) },
    { path: PACKAGE_PATHS.provisionRecord, content: provisionRecordBytes(facts, provision) },
  ];
}
