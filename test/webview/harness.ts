// What the webview tests share: the sidebar's assets served from one origin, and a headless Chromium.
import { readFile } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Browser, chromium } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..', '..');
const CHROMIUM = process.env.LFB_CHROMIUM ?? '/usr/bin/chromium';

const ASSETS: Record<string, [file: string, type: string]> = {
  '/dist/webview/sidebar.js': ['dist/webview/sidebar.js', 'text/javascript'],
  '/dist/webview/sidebar-error.js': ['dist/webview/sidebar-error.js', 'text/javascript'],
  '/dist/webview/your-reviews.js': ['dist/webview/your-reviews.js', 'text/javascript'],
  '/dist/webview/follow-through.js': ['dist/webview/follow-through.js', 'text/javascript'],
  '/media/sidebar.css': ['media/sidebar.css', 'text/css'],
  '/dist/webview/codicons/codicon.css': ['dist/webview/codicons/codicon.css', 'text/css'],
  '/dist/webview/codicons/codicon.ttf': ['dist/webview/codicons/codicon.ttf', 'font/ttf'],
  '/theme-dark.css': ['test/webview/theme-dark.css', 'text/css'],
  '/theme-light.css': ['test/webview/theme-light.css', 'text/css'],
  '/theme-high-contrast.css': ['test/webview/theme-high-contrast.css', 'text/css'],
};

/** Serves the pages that `page` gives by path (HTML), and our assets, from one local origin. */
export async function servePages(page: (pathname: string, origin: string) => string | undefined): Promise<{ server: Server; origin: string }> {
  let origin = '';
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const html = page(url.pathname, origin);
    if (html !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const asset = ASSETS[url.pathname];
    if (!asset) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': asset[1] }).end(await readFile(path.join(root, asset[0])));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin };
}

/** Debian's Chromium (or LFB_CHROMIUM), headless, with nothing of its own going out to the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * An init script standing in for the webview host: `acquireVsCodeApi` records the page's messages, and the
 * CSP violations the page reports are recorded too, in `window.__recorded`. Self-contained: Playwright
 * runs its source in the page.
 */
export function installRecordingHost(): void {
  const recorded = { messages: [] as unknown[], violations: [] as string[] };
  (window as unknown as { __recorded: typeof recorded }).__recorded = recorded;
  document.addEventListener('securitypolicyviolation', (event) => recorded.violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
    postMessage: (message: unknown) => recorded.messages.push(message),
    getState: () => undefined,
    setState: () => undefined,
  });
}

/** The assets of a sidebar page served from `origin`: its script in dist/webview/, the styles and the codicons. */
export function pageAssets(origin: string, script: string, nonce: string): { cspSource: string; nonce: string; scriptUri: string; styleUri: string; codiconsUri: string } {
  return {
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview/${script}.js`,
    styleUri: `${origin}/media/sidebar.css`,
    codiconsUri: `${origin}/dist/webview/codicons/codicon.css`,
  };
}
