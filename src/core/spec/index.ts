export * from './schema.ts';
export { parseSpec, parseSpecJson, serializeSpec, validateSpec, type SpecValidation } from './parse.ts';
export { migrateSpec, SPEC_MIGRATIONS, type SpecMigration } from './migrate.ts';
export { SpecError, formatPath, renderIssue, type SpecIssue } from './issues.ts';
export { checkSpec, maxLevel } from './check.ts';
export { applyEdit, applyEdits, emptySpec, findColumn, type Reason, type SpecEdit } from './edit.ts';
export { canRedo, canUndo, commit, createHistory, redo, undo, type SpecHistory } from './history.ts';
export { exclusionDigest, normalizeExclusionIds, parseExclusionList, sha256Hex } from './digest.ts';
export { PRESETS, PRESET_HIERARCHIES, presetEdits, type PresetColumn, type PresetId, type PresetInfo, type PresetOptions } from './presets.ts';
