/**
 * Whether a page's scripts ran in Chromium under its Content-Security-Policy: the reading boot script (inline,
 * nonce) applied a saved preference to <html>, Next's own scripts (external and inline, nonce) started the
 * client, and the browser reported no policy violation and no error on the console. A page rendered by one
 * instance with another instance's nonce placeholder would fail all of these.
 */
import type { BrowserContext, ConsoleMessage } from 'playwright-core';

export type ScriptsVerdict = { status: number | null; bootScriptRan: boolean; nextStarted: boolean; violations: string[]; consoleErrors: string[] };

type Watched = Window & { hearthViolations?: string[]; next?: { version?: string } };

/** Before any of the page's scripts: a saved reading preference for the boot script, and a violation recorder. */
export async function watchScripts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    localStorage.setItem('hearth:reading', JSON.stringify({ theme: 'dark' }));
    const watched = window as Watched;
    watched.hearthViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => watched.hearthViolations!.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

export async function scriptsOf(context: BrowserContext, url: string): Promise<ScriptsVerdict> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    // Next starts the client once its scripts have run; give it a bounded moment.
    await page.waitForFunction(() => typeof (window as Watched).next?.version === 'string', undefined, { timeout: 5000 }).catch(() => {});
    const seen = await page.evaluate(() => {
      const watched = window as Watched;
      return { bootScriptRan: document.documentElement.dataset.theme === 'dark', nextStarted: typeof watched.next?.version === 'string', violations: watched.hearthViolations ?? [] };
    });
    return { status: response?.status() ?? null, ...seen, consoleErrors };
  } finally {
    await page.close();
  }
}
