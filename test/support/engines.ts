import type { SqlEngine } from '../../src/core/engine.ts';
import { NativeEngine } from '../../src/cli/native-engine.ts';
import { WasmNodeEngine } from './wasm-node-engine.ts';

/**
 * The contract-suite pattern: the same test body runs against every host's engine.
 * Usage: for (const host of ENGINE_HOSTS) describe(host.name, () => { ... host.create() ... })
 */
export const ENGINE_HOSTS: { name: string; create: () => Promise<SqlEngine & { close(): void }> }[] = [
  { name: 'duckdb-wasm (node)', create: () => WasmNodeEngine.create() },
  { name: 'native duckdb', create: () => NativeEngine.create({ threads: 1 }) },
];
