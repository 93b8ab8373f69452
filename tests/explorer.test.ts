import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { ensureChromium, openBrowser } from './support/browser.js';

// Demo mode: the demo is loaded, and the explorer offers its accounts.
const app = useTestApp({ SEED_DEMO: 'true', EXPLORER: 'true' });
let browser: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  ensureChromium();
  browser = await openBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.browser.close();
});

describe('the explorer', () => {
  it('loads with no network, signs in as a demo role and shows the answer of a query', async () => {
    const { page, outside } = browser;
    await page.goto(app().url);
    await page.locator('.graphiql-execute-button').waitFor();
    const roles = await page.locator('#signin button[data-email]').allTextContents();
    expect(roles).toEqual(['ADMIN · 林海涛', 'STAFF · 周敏', 'MENTOR · 陈静', 'EVALUATOR · 赵雪梅', 'APPLICANT · 何晓琳']);

    await page.locator('#signin button[data-email="mentor@demo.incubator.cn"]').click();
    // Page functions run in the browser, so they are given as source.
    await page.waitForFunction(`document.querySelector('#signed-in')?.textContent?.includes('陈静')`);
    await page.goto(`${app().url}?query=${encodeURIComponent('{ viewer { name roles } projects(first: 10) { totalCount } }')}`);
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(`document.querySelector('.graphiql-response')?.textContent?.includes('totalCount')`, null, { timeout: 20_000 });
    const answer = JSON.parse((await page.locator('.graphiql-response').textContent())!.replace(/\s+/g, ' '));
    expect(answer.data.viewer).toEqual({ name: '陈静', roles: ['MENTOR'] });
    // The demo mentor follows four projects.
    expect(answer.data.projects.totalCount).toBe(4);
    expect(outside).toEqual([]);
  });

  it('answers API clients as before: a GET asking for JSON is a GraphQL request', async () => {
    const response = await fetch(`${app().url}?query=${encodeURIComponent('{ viewer { name } }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { viewer: null }, extensions: { cost: { requested: 1, limit: 50_000 } } });
  });
});
