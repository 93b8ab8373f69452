import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: never a browser build downloaded by a tool. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether this machine lets the tests install Debian packages (root with apt), as a fresh CI machine does. */
const mayInstall = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Whether a Chinese font is installed: report pages and charts are drawn with one where it is. */
const hasChineseFont = () => execFileSync('sh', ['-c', 'fc-list :lang=zh 2>/dev/null | head -n 1'], { encoding: 'utf8' }).trim() !== '';

/**
 * Installs Debian's `chromium` (and `fonts-noto-cjk`, for the reports' Chinese) where they are missing
 * and the machine allows it. The test run's global setup calls it once, before any test and its
 * timeout; the tests that drive the browser call it again, and fail with what to install where
 * Chromium is missing and could not be installed.
 */
export function ensureChromium({ required = true } = {}): void {
  const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(hasChineseFont() ? [] : ['fonts-noto-cjk'])];
  if (!missing.length) return;
  if (!mayInstall()) {
    if (required && missing.includes('chromium')) {
      throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.`);
    }
    return;
  }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Headless Chromium that reaches nothing but this machine: every other request is refused and recorded. */
export async function openBrowser(): Promise<{ browser: Browser; page: Page; outside: string[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage();
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return { browser, page, outside };
}
