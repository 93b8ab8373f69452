import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import mammoth from 'mammoth';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSvg } from '../src/modules/operations-report/report-charts.js';
import { renderReportDocx } from '../src/modules/operations-report/report-docx.js';
import { cellText, type ReportChart, type ReportDocument } from '../src/modules/operations-report/report-document.js';
import { renderReportHtml } from '../src/modules/operations-report/report-html.js';
import { ensureChromium, openBrowser } from './support/browser.js';

const HOSTILE = `员工填写的内容原样显示：<script>alert(1)</script> 以及 &<>"' 字符。`;

const streets = ['横岗', '园山', '龙城', '龙岗', '宝龙', '坪地', '南湾', '布吉', '吉华', '坂田', '平湖'];
const months = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);

const charts: ReportChart[] = [
  { kind: 'funnel', title: '公益创投项目辅导', stages: [{ label: '辅导项目', value: 8 }, { label: '成功申报', value: 5 }, { label: '路演第一名', value: 1 }] },
  {
    kind: 'monthly',
    title: '每月培训与观摩人次',
    months,
    series: [
      { name: '培训人次', values: [0, 6, 10, 8, 12, 9, 7, 11, 10, 8, 9, 7] },
      { name: '观摩人次', values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 122] },
    ],
  },
  { kind: 'bars', title: '观摩会人次（按街道）', categories: streets, series: [{ name: '人次', values: [20, 12, 14, 13, 10, 9, 8, 11, 9, 8, 8] }] },
];

const sample: ReportDocument = {
  language: 'zh',
  title: '横岗创新园2022年度运营工作报告',
  subtitle: '龙岗区 · 横岗创新园 · 2022-01-01 至 2022-12-31',
  version: '第2版',
  issuedAt: '2023-01-04T16:30:00.000Z',
  summary: [
    '累计辅导8个项目，成功申报5个项目，其中1个项目获路演评分第一名。',
    '辅导社区申报9个基层社会治理实践项目，走访督导16轮。',
    '现场观摩会分4批次接待全区11个街道122人次。',
    '全年开展能力建设培训6场，共97人次参加。',
  ],
  sections: [
    {
      heading: '一、推进基层社会治理',
      paragraphs: [
        '横岗创新园积极发挥“培育孵化、创新展示、能力建设、项目发展、资源对接、管理服务”六大功能。',
        '举办社区社会组织如何设计公益创投项目辅导会，累计辅导8个项目，成功申报5个项目。',
      ],
    },
    { heading: '二、备注 <b>与</b> 特殊字符', paragraphs: [HOSTILE] },
  ],
  tables: [
    {
      caption: '表1 主要工作数据',
      columns: ['指标', '数量', '单位'],
      rows: [
        { label: '辅导公益创投项目', values: [8, '个'] },
        { label: '成功申报项目', values: [5, '个'] },
        { label: '走访督导社区', values: [16, '轮'] },
        { label: '观摩会参与', values: [122, '人次'] },
        { label: '观摩街道', values: [11, '个'] },
        { label: '能力建设培训', values: [97, '人次'] },
        { label: '服务对象 A&B <含"引号">', values: [1234, "居民's"] },
      ],
    },
  ],
  charts,
};

const allCellTexts = sample.tables.flatMap((table) => [...table.columns, ...table.rows.flatMap((row) => [row.label, ...row.values.map((value) => cellText(value, 'zh'))])]);
const allSectionTexts = sample.sections.flatMap((section) => [section.heading, ...section.paragraphs]);

describe('report charts', () => {
  it('draws each kind as a standalone SVG with its labels escaped and no scripts', () => {
    for (const chart of charts) {
      const svg = chartSvg(chart);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      expect(svg).toContain(chart.title);
      expect(svg).not.toMatch(/<script|href=|url\(|@import/i);
    }
    expect(chartSvg(charts[0])).toContain('辅导项目');
    expect(chartSvg(charts[1])).toContain('12月');
    expect(chartSvg(charts[2])).toContain('坂田');

    const hostile = chartSvg({ kind: 'bars', title: '<script>alert(1)</script>', categories: [`A&B "x" 'y'`], series: [{ name: '<b>', values: [1] }] });
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('A&amp;B &quot;x&quot; &#39;y&#39;');
  });

  it('takes a size', () => {
    expect(chartSvg(charts[0], { width: 400, height: 200 })).toMatch(/^<svg width="400" height="200"/);
  });

  it('frees every chart instance: 200 charts leave the heap as it was', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const renderAll = (count: number) => {
      for (let index = 0; index < count; index++) chartSvg(charts[index % charts.length]);
    };
    renderAll(30);
    gc();
    const before = process.memoryUsage().heapUsed;
    renderAll(200);
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('the Word document', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await renderReportDocx(sample);
    writeFileSync('/tmp/report.docx', docx);
  });

  it('holds the title, version, summary, table cells and sections as text, exactly', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    for (const expected of [sample.title, sample.subtitle, '第2版 · 2023-01-05 发布', ...sample.summary, ...allCellTexts, ...allSectionTexts]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('1,234');
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('has tables with header rows, headings, and every chart as an image', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    // Mammoth shows the PNG fallback that Word versions without SVG support show.
    const images = [...html.matchAll(/<img [^>]*src="data:image\/png;base64,([^"]+)"/g)].map((match) => match[1]);
    const markup = html.replace(/base64,[^"]+/g, 'base64,…');
    expect(markup).toContain('<h1>摘要</h1>');
    expect(markup).toContain('<h1>二、备注 &lt;b&gt;与&lt;/b&gt; 特殊字符</h1>');
    expect(markup).toContain('<thead><tr><th><p><strong>指标</strong></p></th><th><p><strong>数量</strong></p></th><th><p><strong>单位</strong></p></th></tr></thead>');
    expect(markup).toContain('<img alt="图1 公益创投项目辅导"');
    expect(images).toHaveLength(charts.length);
    for (const base64 of images) {
      const png = PNG.sync.read(Buffer.from(base64, 'base64'));
      expect(png.width).toBe(1280);
      expect(distinctColours(png)).toBeGreaterThan(8);
    }
  });

  it('marks a draft as such', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await renderReportDocx({ ...sample, version: null, issuedAt: null, charts: [] }) });
    expect(text).toContain('草稿（未发布）');
    expect(text).not.toContain('第2版');
  });
});

describe('the HTML page in a real browser', () => {
  let session: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    ensureChromium();
    session = await openBrowser();
  }, 300_000);
  afterAll(async () => {
    await session?.browser.close();
  });

  it('is a standalone page: escaped text, charts inline, no scripts, nothing fetched', async () => {
    const { page, outside } = session;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const html = renderReportHtml(sample);
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.setContent(html, { waitUntil: 'load' });

    // Page functions run in the browser, so they are given as source.
    const text = (await page.evaluate('document.body.innerText')) as string;
    for (const expected of [sample.title, sample.subtitle, '第2版 · 2023-01-05 发布', ...sample.summary, ...allSectionTexts]) expect(text).toContain(expected);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain(`服务对象 A&B <含"引号">`);
    expect(await page.evaluate('document.scripts.length')).toBe(0);
    expect(dialogs).toEqual([]);

    const boxes = (await page.evaluate(
      `[...document.querySelectorAll('svg')].map((svg) => { const box = svg.getBoundingClientRect(); return { width: box.width, height: box.height }; })`,
    )) as { width: number; height: number }[];
    expect(boxes).toHaveLength(charts.length);
    for (const box of boxes) expect(box.width * box.height).toBeGreaterThan(100 * 100);
    expect(outside).toEqual([]);

    const screenshot = await page.screenshot({ fullPage: true });
    writeFileSync('/tmp/report-screenshot.png', screenshot);
    const png = PNG.sync.read(screenshot);
    expect(png.height).toBeGreaterThan(800);
    expect(distinctColours(png)).toBeGreaterThan(50);
  });

  it('marks a draft visibly', async () => {
    const { page } = session;
    await page.setContent(renderReportHtml({ ...sample, version: null, issuedAt: null }));
    expect(await page.locator('.stamp.draft').innerText()).toBe('草稿（未发布）');
  });
});

describe('an English report', () => {
  it('declares its language and uses English labels', () => {
    const html = renderReportHtml({ ...sample, language: 'en', version: 'Version 2' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('Version 2 · issued 2023-01-05');
  });
});

/** How many colours a picture uses: a blank or broken render has one or two. */
function distinctColours(png: PNG): number {
  const colours = new Set<number>();
  for (let offset = 0; offset < png.data.length; offset += 4 * 97) colours.add(png.data.readUInt32BE(offset));
  return colours.size;
}
