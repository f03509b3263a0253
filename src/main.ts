import { mount } from 'svelte';
import './ui/app.css';
import App from './ui/App.svelte';
import { EngineClient } from './lib/engine-client.svelte.ts';
import { benchSearch } from './lib/search-bench.ts';

const client = new EngineClient();
mount(App, { target: document.getElementById('app')!, props: { client } });

// Diagnostics used by the e2e suite and `npm run bench`; they only act on this tab's own engine.
(window as unknown as { __tokumei: unknown }).__tokumei = {
  client,
  crashEngine: () => client.crashForTest(),
  benchSearch: (csvUrl: string, specJson: string, runs: number) => benchSearch(client, csvUrl, specJson, runs),
  async benchLoad(url: string): Promise<{ ms: number; rows: number; table: string }> {
    const blob = await (await fetch(url)).blob();
    const file = new File([blob], url.split('/').pop() ?? 'bench.csv');
    const t0 = performance.now();
    const [info] = await client.loadFiles([file]);
    const ms = performance.now() - t0;
    await client.dropTable(info.name);
    return { ms, rows: info.rows, table: info.name };
  },
};

await client.start();
if (client.status === 'ready') await client.loadDemo().catch((e) => client.notify(e));
