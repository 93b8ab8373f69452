/**
 * A report as one standalone, printable HTML page: inline CSS, charts inline as SVG, no scripts and
 * nothing fetched. Every piece of the document's text is escaped, since staff write the narrative.
 */
import { chartSvg } from './report-charts.js';
import { cellText, reportLabels, versionStamp, type Language, type ReportChart, type ReportDocument, type ReportSection, type ReportTable } from './report-document.js';

/** Scripts can't run even if something slipped through; styles are inline, charts inline SVG. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
  @page { size: A4; margin: 16mm 18mm; }
  * { box-sizing: border-box; }
  html { background: #f2f2f0; }
  body {
    margin: 0; color: #222; font-size: 15px; line-height: 1.75;
    font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif;
  }
  .page { max-width: 210mm; margin: 24px auto; padding: 18mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
  header { text-align: center; border-bottom: 2px solid #2f5d8a; padding-bottom: 14px; margin-bottom: 8px; }
  h1, h2, caption, th, .subtitle, .stamp, figcaption {
    font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  }
  h1 { font-size: 24px; line-height: 1.4; margin: 0 0 8px; color: #1d3c5a; }
  header p { text-indent: 0; }
  .subtitle { margin: 0; color: #555; font-size: 14px; }
  .stamp { display: inline-block; margin: 10px 0 0; padding: 1px 10px; font-size: 13px; color: #2f5d8a; border: 1px solid #2f5d8a; border-radius: 3px; }
  .stamp.draft { color: #b3261e; border-color: #b3261e; font-weight: bold; letter-spacing: .1em; }
  h2 { font-size: 18px; color: #1d3c5a; margin: 28px 0 10px; padding-left: 10px; border-left: 4px solid #2f5d8a; break-after: avoid; }
  p { margin: 0 0 10px; text-indent: 2em; white-space: pre-line; }
  html[lang="en"] p { text-indent: 0; }
  .summary p { background: #f5f8fb; padding: 6px 12px; text-indent: 0; border-radius: 2px; }
  table { width: 100%; border-collapse: collapse; margin: 0 0 18px; font-size: 14px; break-inside: avoid; }
  caption { caption-side: top; text-align: left; font-weight: bold; padding: 4px 0 6px; color: #333; }
  th, td { border: 1px solid #c8ced6; padding: 5px 10px; text-align: left; vertical-align: top; }
  th { background: #e8eef5; font-weight: bold; }
  tbody th { background: #f4f7fa; font-weight: normal; }
  td.number { text-align: right; font-variant-numeric: tabular-nums; }
  tbody tr:nth-child(even) td { background: #fafbfc; }
  figure { margin: 0 0 18px; text-align: center; break-inside: avoid; }
  figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
  figcaption { font-size: 13px; color: #555; margin-top: 4px; }
  @media print {
    html { background: none; }
    .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  }
`;

export function renderReportHtml(doc: ReportDocument): string {
  const labels = reportLabels(doc.language);
  const body = [
    header(doc),
    block('summary', labels.summary, doc.summary.map(paragraph)),
    block('tables', labels.tables, doc.tables.map((table) => tableHtml(table, doc.language))),
    block('charts', labels.charts, doc.charts.map((chart, index) => figure(chart, labels.figure(index + 1, chart.title)))),
    ...doc.sections.map(section),
  ];
  return `<!doctype html>
<html lang="${doc.language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="page">
${body.join('\n')}
</main>
</body>
</html>
`;
}

function header(doc: ReportDocument): string {
  const stamp = versionStamp(doc);
  const stampHtml =
    stamp === null
      ? `<p class="stamp draft">${escapeHtml(reportLabels(doc.language).draft)}</p>`
      : `<p class="stamp">${doc.issuedAt ? `<time datetime="${escapeHtml(doc.issuedAt)}">${escapeHtml(stamp)}</time>` : escapeHtml(stamp)}</p>`;
  return `<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
${stampHtml}
</header>`;
}

/** A titled part of the page, left out when it has nothing to show. */
function block(className: string, heading: string, items: string[]): string {
  if (items.length === 0) return '';
  return `<section class="${className}">\n<h2>${escapeHtml(heading)}</h2>\n${items.join('\n')}\n</section>`;
}

function section(narrative: ReportSection): string {
  return block('narrative', narrative.heading, narrative.paragraphs.map(paragraph));
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

function tableHtml(table: ReportTable, language: Language): string {
  const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const rows = table.rows.map((row) => {
    const cells = row.values.map((value) => `<td${typeof value === 'number' ? ' class="number"' : ''}>${escapeHtml(cellText(value, language))}</td>`);
    return `<tr><th scope="row">${escapeHtml(row.label)}</th>${cells.join('')}</tr>`;
  });
  return `<table>
<caption>${escapeHtml(table.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** The SVG comes from ECharts, which escapes the labels it draws; the caption is escaped here. */
function figure(chart: ReportChart, caption: string): string {
  return `<figure role="img" aria-label="${escapeHtml(caption)}">
${chartSvg(chart)}
<figcaption>${escapeHtml(caption)}</figcaption>
</figure>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}
