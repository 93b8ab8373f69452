import { GraphQLError } from 'graphql';
import type { Context } from '../../shared/context.js';
import { UserErrors } from '../../shared/user-errors.js';
import type { ReportScopeInput } from './operations-report.inputs.js';
import * as reports from './operations-report.service.js';
import { reportDocument } from './report-build.js';
import type { Language, ReportDocument } from './report-document.js';
import { renderReportDocx } from './report-docx.js';
import { reportFigures } from './report-figures.js';
import { renderReportHtml } from './report-html.js';

export const REPORT_CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
} as const;
export type ReportFormat = keyof typeof REPORT_CONTENT_TYPES;

/** A download that could not be made: the HTTP status and the coded error it answers with. */
export class DownloadRefused extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const dateOf = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant);

const number = (value: unknown) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value === undefined ? null : NaN);

/**
 * The document at `/operations-reports/<name>.<format>`: an issued version by its global ID, or
 * `draft` for the working copy of the scope and period the query names (parkId or districtId, year,
 * quarter or month). The same permission checks as the GraphQL fields.
 */
export async function reportDownload(ctx: Context, name: string, format: ReportFormat, query: Record<string, unknown>): Promise<Buffer | string> {
  const language: Language = query.language === 'en' ? 'en' : 'zh';
  try {
    const doc = name === 'draft' ? await draftDocument(ctx, query, language) : await issuedDocument(ctx, name, language);
    return format === 'docx' ? await renderReportDocx(doc) : renderReportHtml(doc);
  } catch (error) {
    if (error instanceof UserErrors) throw new DownloadRefused(400, 'BAD_USER_INPUT', error.errors.map((e) => `${e.field?.join('.') ?? ''}: ${e.message}`).join(' '));
    if (error instanceof GraphQLError) {
      const code = String(error.extensions.code);
      throw new DownloadRefused(code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'UNAUTHENTICATED' ? 401 : 400, code, error.message);
    }
    throw error;
  }
}

async function draftDocument(ctx: Context, query: Record<string, unknown>, language: Language): Promise<ReportDocument> {
  const scope: ReportScopeInput = {
    parkId: typeof query.parkId === 'string' ? query.parkId : null,
    districtId: typeof query.districtId === 'string' ? query.districtId : null,
    year: number(query.year) ?? NaN,
    quarter: number(query.quarter),
    month: number(query.month),
  };
  const { resolved, report } = await reports.liveReport(ctx, scope);
  const figures = await reportFigures(ctx, resolved.scope, resolved.period);
  const names = reports.reportNames(resolved, language);
  return reportDocument(figures, report.sections, names, { version: null, issuedAt: null, period: periodLine(resolved, language) }, language);
}

async function issuedDocument(ctx: Context, globalId: string, language: Language): Promise<ReportDocument> {
  const issued = await reports.getIssuedReport(ctx, globalId);
  const resolved = await reports.issuedContext(ctx, issued);
  const names = reports.reportNames(resolved, language);
  return reportDocument(issued.figures, issued.sections, names, { version: issued.number, issuedAt: issued.createdAt, period: periodLine(resolved, language) }, language);
}

function periodLine(resolved: reports.ResolvedReport, language: Language): string {
  const last = new Date(resolved.period.to.getTime() - 1);
  const where = [resolved.district.name, resolved.park?.name].filter(Boolean).join(' · ');
  return `${where} · ${dateOf(resolved.period.from)} ${language === 'zh' ? '至' : 'to'} ${dateOf(last)}`;
}
