import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { SECURITY_HEADERS } from './src/core/security-headers.ts';

export default defineConfig({
  plugins: [svelte()],
  // 'mpa': a missing .wasm must be a 404, not index.html (which DuckDB reports as a signature error).
  appType: 'mpa',
  server: { host: '127.0.0.1', headers: SECURITY_HEADERS },
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
});
