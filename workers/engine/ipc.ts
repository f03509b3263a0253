import { tableFromIPC, tableToIPC } from 'apache-arrow';

export function countRows(ipc: Uint8Array): number {
  return tableFromIPC(ipc).numRows;
}

export function sliceRows(ipc: Uint8Array, n: number): Uint8Array {
  return tableToIPC(tableFromIPC(ipc).slice(0, n), 'stream');
}
