import { test as base, expect } from '@playwright/test';

const isLocal = (u: string): boolean => {
  const { protocol, hostname } = new URL(u);
  return protocol === 'blob:' || protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
};

/**
 * Every test inherits this guard: any request that tries to leave 127.0.0.1 —
 * from the page, a worker, or blocked by CSP — fails the test. We log the
 * `request` event (it also sees worker requests and CSP-blocked subresources),
 * CSP violation reports, and abort such routes as a second line.
 */
export const test = base.extend<{ egress: string[] }>({
  egress: [
    async ({ context }, use) => {
      const attempts: string[] = [];
      context.on('request', (r) => {
        if (!isLocal(r.url())) attempts.push(r.url());
      });
      // Chromium blocks a CSP-violating fetch() before it becomes a request event, so
      // the violation report in the console (pages and workers) is the other witness.
      context.on('console', (m) => {
        if (/violates the following Content Security Policy directive/.test(m.text())) attempts.push(`CSP: ${m.text()}`);
      });
      await context.route((url) => !isLocal(url.href), (route) => route.abort('blockedbyclient'));
      await context.routeWebSocket(/.*/, (ws) => {
        if (isLocal(ws.url())) ws.connectToServer();
        else {
          attempts.push(ws.url());
          ws.close();
        }
      });
      await use(attempts);
      expect(attempts, 'requests that tried to leave 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
