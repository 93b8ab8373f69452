/**
 * A report as a Word document (.docx): headings, summary, tables with header rows, charts as SVG
 * images with PNG fallbacks, and the staff's narrative. Text goes in as text runs, which the `docx`
 * package escapes, so nothing staff write can become markup.
 */
import { renderAsync } from '@resvg/resvg-js';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { CHART_SIZE, chartSvg } from './report-charts.js';
import { cellText, reportLabels, versionStamp, type Language, type ReportChart, type ReportDocument, type ReportTable } from './report-document.js';

/** Latin text in a sans-serif, Chinese in fonts that Word on Windows, macOS and WPS all have or substitute. */
const FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'Microsoft YaHei', cs: 'Arial' };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const ACCENT = '2F5D8A';
const BORDER = 'C8CED6';

/** The text column of an A4 page with Word's default 1-inch margins, in pixels at 96 dpi. */
const TEXT_WIDTH_PX = 600;

export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const labels = reportLabels(doc.language);
  const charts = await Promise.all(doc.charts.map((chart, index) => chartParagraphs(chart, labels.figure(index + 1, chart.title))));
  const document = new Document({
    title: doc.title,
    description: doc.subtitle,
    styles: styles(doc.language),
    sections: [
      {
        children: [
          ...titleBlock(doc),
          ...headed(labels.summary, doc.summary.map(bodyParagraph)),
          ...headed(labels.tables, doc.tables.flatMap((table) => tableBlock(table, doc.language))),
          ...headed(labels.charts, charts.flat()),
          ...doc.sections.flatMap((section) => headed(section.heading, section.paragraphs.map(bodyParagraph))),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function styles(language: Language) {
  const heading = { font: FONT, bold: true, color: '1D3C5A' };
  return {
    default: {
      document: {
        run: { font: BODY_FONT, size: 22, language: { value: language === 'zh' ? 'zh-CN' : 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { line: 360 } },
      },
      title: { run: { ...heading, size: 36 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
      heading1: { run: { ...heading, size: 28 }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
    },
  };
}

function titleBlock(doc: ReportDocument): Paragraph[] {
  const stamp = versionStamp(doc);
  const stampRun: IRunOptions =
    stamp === null ? { text: reportLabels(doc.language).draft, bold: true, color: 'B3261E', font: FONT } : { text: stamp, color: ACCENT, font: FONT };
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.subtitle, color: '555555', font: FONT })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: 'single', size: 12, color: ACCENT, space: 6 } },
      spacing: { after: 240 },
      children: [new TextRun(stampRun)],
    }),
  ];
}

/** A heading and what follows it, left out when there is nothing to follow. */
function headed(heading: string, children: (Paragraph | Table)[]): (Paragraph | Table)[] {
  if (children.length === 0) return [];
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(heading)] }), ...children];
}

/** A paragraph of plain text; a single line break inside it stays a line break. */
function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 440 },
    children: text.split('\n').map((line, index) => new TextRun({ text: line, break: index === 0 ? undefined : 1 })),
  });
}

function tableBlock(table: ReportTable, language: Language): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column) => cell(column, { header: true })),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [cell(row.label, { header: false }), ...row.values.map((value) => cell(cellText(value, language), { header: false, number: typeof value === 'number' }))],
      }),
  );
  return [
    new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: table.caption, bold: true, font: FONT })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: { style: 'single', size: 4, color: BORDER },
        bottom: { style: 'single', size: 4, color: BORDER },
        left: { style: 'single', size: 4, color: BORDER },
        right: { style: 'single', size: 4, color: BORDER },
        insideHorizontal: { style: 'single', size: 4, color: BORDER },
        insideVertical: { style: 'single', size: 4, color: BORDER },
      },
      rows: [header, ...rows],
    }),
    new Paragraph({ children: [] }),
  ];
}

function cell(text: string, options: { header: boolean; number?: boolean }): TableCell {
  return new TableCell({
    shading: options.header ? { type: ShadingType.CLEAR, fill: 'E8EEF5', color: 'auto' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: options.number ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: 276 },
        children: [new TextRun({ text, bold: options.header, font: FONT, size: 20 })],
      }),
    ],
  });
}

/**
 * The chart as SVG (sharp in Word 2016 and later) with a PNG drawn from the same SVG at twice the
 * size for older readers, then its caption as text so the figure can be found by searching.
 */
async function chartParagraphs(chart: ReportChart, caption: string): Promise<Paragraph[]> {
  const svg = chartSvg(chart);
  const png = await chartPng(svg);
  const size = { width: TEXT_WIDTH_PX, height: Math.round((TEXT_WIDTH_PX * CHART_SIZE.height) / CHART_SIZE.width) };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg),
          fallback: { type: 'png', data: png },
          transformation: size,
          altText: { name: chart.title, title: chart.title, description: caption },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: caption, font: FONT, size: 20, color: '555555' })] }),
  ];
}

/** Rendered off the event loop; text uses the system's fonts, Noto Sans CJK SC for Chinese where installed. */
async function chartPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: true, sansSerifFamily: 'Noto Sans CJK SC' },
    logLevel: 'off',
  });
  return image.asPng();
}
