export { generateDemo, generateDemoFiles, demoChunks, tableChunks, concatBytes, DEFAULT_SEED } from './generate.ts';
export type { DemoOptions, DemoChunk, DemoFile, DemoTableStream } from './generate.ts';
export { DEMO_TABLES, PATIENTS, ENCOUNTERS, LABS, PRESCRIPTIONS } from './tables.ts';
export type { DemoTableKey, DemoTableInfo } from './tables.ts';
export { csvField, csvRow } from './csv.ts';
