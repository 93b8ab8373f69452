import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';

/** A column of an export: its key, its header in English and in Chinese, and how a row shows it. */
export interface ExportColumn<Row> {
  key: string;
  en: string;
  zh: string;
  value: (row: Row) => string | number | Date | null;
  /** How .xlsx shows it: amounts with two decimals, instants as date and time (UTC); CSV writes numbers as they are and instants in ISO 8601. */
  kind?: 'amount' | 'instant';
}

const XLSX_FORMATS = { amount: '#,##0.00', instant: 'yyyy-mm-dd hh:mm:ss' };

export type ExportFormat = 'csv' | 'xlsx';
export type HeaderLanguage = 'en' | 'zh';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Writes rows, batch by batch as `batches` yields them, to `out` as CSV (UTF-8 with a byte-order mark,
 * so that Excel reads Chinese right) or as an .xlsx workbook written as a stream: a large export never
 * sits whole in memory.
 */
export async function writeTable<Row>(
  out: Writable,
  format: ExportFormat,
  language: HeaderLanguage,
  sheet: string,
  columns: ExportColumn<Row>[],
  batches: AsyncIterable<Row[]>,
): Promise<number> {
  const headers = columns.map((column) => column[language]);
  let count = 0;
  if (format === 'csv') {
    const csv = stringify({ bom: true, cast: { date: (date) => date.toISOString() } });
    csv.pipe(out);
    csv.write(headers);
    for await (const rows of batches) {
      for (const row of rows) {
        if (!csv.write(columns.map((column) => column.value(row)))) await until(out, (done) => csv.once('drain', done));
        count++;
      }
      stopIfGone(out);
    }
    await until(out, (done) => {
      out.once('finish', done);
      csv.end();
    });
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((column) => ({
    header: column[language],
    key: column.key,
    width: Math.max(12, column[language].length * 2),
    ...(column.kind && { style: { numFmt: XLSX_FORMATS[column.kind] } }),
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).commit();
  for await (const rows of batches) {
    for (const row of rows) {
      worksheet.addRow(columns.map((column) => column.value(row))).commit();
      count++;
    }
    stopIfGone(out);
  }
  worksheet.commit();
  await workbook.commit();
  return count;
}

/** A client that goes away mid-download ends the export: no more rows are read for it. */
function stopIfGone(out: Writable): void {
  if (out.destroyed) throw new Error('the client went away before the export was written');
}

/** Waits for `start`'s event, or fails if the client goes away first (a closed response never drains or finishes). */
function until(out: Writable, start: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const gone = () => reject(new Error('the client went away before the export was written'));
    out.once('close', gone);
    out.once('error', reject);
    start(() => {
      out.off('close', gone);
      out.off('error', reject);
      resolve();
    });
  });
}
