import { ref } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { oversees, requireViewer, staffCovers } from '../../shared/auth.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { FIRST_YEAR, LAST_YEAR, MAX_LENGTH } from '../../shared/input-limits.js';
import { flushFirstWins } from '../../shared/mutation.js';
import { findVisible } from '../../shared/node.js';
import { decodeId, toGlobalId } from '../../shared/node-id.js';
import { Checks, UserErrorCode, fail, userError } from '../../shared/user-errors.js';
import type { Period, ReportScope } from '../park-activities/park-activities.queries.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place, PlaceLevel } from '../places/place.entity.js';
import type { IssueReportInput, ReportScopeInput, SaveReportSectionsInput } from './operations-report.inputs.js';
import { IssuedOperationsReport, OperationsReport, ReportPeriodKind, type NarrativeSection } from './operations-report.entity.js';
import { reportFigures } from './report-figures.js';
import type { Language } from './report-document.js';
import type { ReportNames } from './report-sentences.js';

const MAX_SECTIONS = 30;

/** A report's scope and period, resolved and authorised. */
export interface ResolvedReport {
  district: Place;
  park: Park | null;
  scope: ReportScope;
  period: Period;
  periodKind: ReportPeriodKind;
  periodStart: string;
  year: number;
  part: number | null;
}

/** Reports are the work of the staff over their scope: a park's staff (or its district's), a district's staff for the district. */
export const canSeeReport = (ctx: Context, district: string, park: string | null) =>
  park ? staffCovers(ctx.viewer, { parkId: park, districtId: district }) : oversees(ctx.viewer, district);

/** China Standard Time midnight of a calendar day, as an instant. */
const cstMidnight = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1) - 8 * 3600_000);

export function periodOf(kind: ReportPeriodKind, year: number, part: number | null): { period: Period; periodStart: string } {
  const firstMonth = kind === ReportPeriodKind.YEAR ? 1 : kind === ReportPeriodKind.QUARTER ? (part! - 1) * 3 + 1 : part!;
  const months = kind === ReportPeriodKind.YEAR ? 12 : kind === ReportPeriodKind.QUARTER ? 3 : 1;
  const end = firstMonth + months;
  return {
    period: { from: cstMidnight(year, firstMonth), to: end > 12 ? cstMidnight(year + 1, end - 12) : cstMidnight(year, end) },
    periodStart: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
  };
}

/** Reads and checks a scope input; a scope the viewer may not report on is FORBIDDEN, before anything else is said of it. */
export async function resolveScope(ctx: Context, input: ReportScopeInput, field = 'scope'): Promise<ResolvedReport> {
  requireViewer(ctx.viewer);
  const checks = new Checks();
  checks.check(!!input.parkId !== !!input.districtId, UserErrorCode.INVALID_FORMAT, `${field}.parkId`, 'Give a park or a district, not both.');
  checks.number(input.year, `${field}.year`, 'The year', { min: FIRST_YEAR, max: LAST_YEAR, decimals: 0 });
  checks.check(input.quarter == null || input.month == null, UserErrorCode.INVALID_FORMAT, `${field}.month`, 'Give a quarter or a month, not both.');
  if (input.quarter != null) checks.number(input.quarter, `${field}.quarter`, 'The quarter', { min: 1, max: 4, decimals: 0 });
  if (input.month != null) checks.number(input.month, `${field}.month`, 'The month', { min: 1, max: 12, decimals: 0 });
  checks.throwIfAny();
  let park: Park | null = null;
  let district: Place | null = null;
  if (input.parkId) {
    const id = decodeId(input.parkId, 'Park');
    park = id ? await ctx.loaders.byId(Park).load(id) : null;
    if (!park) fail(UserErrorCode.NOT_FOUND, `${field}.parkId`, 'No park has that ID.');
    district = await ctx.loaders.byId(Place).load(park.district.id);
  } else {
    const id = decodeId(input.districtId!, 'Place');
    district = id ? await ctx.loaders.byId(Place).load(id) : null;
    if (!district || district.level !== PlaceLevel.DISTRICT) fail(UserErrorCode.NOT_FOUND, `${field}.districtId`, 'No district has that ID.');
  }
  if (!canSeeReport(ctx, district!.id, park?.id ?? null)) throw forbidden(`report on ${park ? 'this park' : 'this district'}`);
  const periodKind = input.month != null ? ReportPeriodKind.MONTH : input.quarter != null ? ReportPeriodKind.QUARTER : ReportPeriodKind.YEAR;
  const part = input.month ?? input.quarter ?? null;
  const { period, periodStart } = periodOf(periodKind, input.year, part);
  return { district: district!, park, scope: { districtId: district!.id, parkIds: park ? [park.id] : null }, period, periodKind, periodStart, year: input.year, part };
}

/** The period as people say it. */
export function periodLabel(kind: ReportPeriodKind, year: number, part: number | null, language: Language): string {
  if (language === 'zh') return kind === ReportPeriodKind.YEAR ? `${year}年度` : kind === ReportPeriodKind.QUARTER ? `${year}年第${part}季度` : `${year}年${part}月`;
  return kind === ReportPeriodKind.YEAR ? `${year}` : kind === ReportPeriodKind.QUARTER ? `Q${part} ${year}` : `${new Date(Date.UTC(year, part! - 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${year}`;
}

export const reportNames = (resolved: Pick<ResolvedReport, 'park' | 'district' | 'periodKind' | 'year' | 'part'>, language: Language): ReportNames => ({
  scope: resolved.park?.name ?? resolved.district.name,
  period: periodLabel(resolved.periodKind, resolved.year, resolved.part, language),
});

/** The working copy of a report as stored, or a fresh one (not stored until sections are saved). */
async function workingCopy(ctx: Context, resolved: ResolvedReport): Promise<OperationsReport> {
  const found = await ctx.em.findOne(OperationsReport, { district: resolved.district.id, park: resolved.park?.id ?? null, periodKind: resolved.periodKind, periodStart: resolved.periodStart });
  return found ?? ctx.em.create(OperationsReport, { district: resolved.district, park: resolved.park, periodKind: resolved.periodKind, periodStart: resolved.periodStart, sections: [] }, { persist: false });
}

/** What the operationsReport query answers: the working copy (fresh, unsaved, when no one wrote one yet) and its scope. */
export async function liveReport(ctx: Context, input: ReportScopeInput): Promise<{ resolved: ResolvedReport; report: OperationsReport }> {
  const resolved = await resolveScope(ctx, input);
  return { resolved, report: await workingCopy(ctx, resolved) };
}

export function issuesOf(ctx: Context, report: OperationsReport): Promise<IssuedOperationsReport[]> {
  return ctx.em.find(IssuedOperationsReport, { report: report.id }, { orderBy: { number: 'desc' } });
}

export const getIssuedReport = (ctx: Context, globalId: string) =>
  findVisible(ctx, IssuedOperationsReport, globalId, async (issued) => {
    const report = await ctx.loaders.byId(OperationsReport).load(issued.report.id);
    return !!report && canSeeReport(ctx, report.district.id, report.park?.id ?? null);
  });

/** What an issued version is of: its report, resolved as when it was issued (the viewer must still see it). */
export async function issuedContext(ctx: Context, issued: IssuedOperationsReport): Promise<ResolvedReport> {
  const report = await ctx.loaders.byId(OperationsReport).load(issued.report.id);
  if (!report) throw notFound('IssuedOperationsReport');
  const [year, month] = report.periodStart.split('-').map(Number);
  const part = report.periodKind === ReportPeriodKind.YEAR ? null : report.periodKind === ReportPeriodKind.QUARTER ? (month - 1) / 3 + 1 : month;
  const park = report.park ? await ctx.loaders.byId(Park).load(report.park.id) : null;
  const district = (await ctx.loaders.byId(Place).load(report.district.id))!;
  const { period, periodStart } = periodOf(report.periodKind, year, part);
  return { district, park, scope: { districtId: district.id, parkIds: park ? [park.id] : null }, period, periodKind: report.periodKind, periodStart, year, part };
}

function checkSections(checks: Checks, sections: { heading: string; body: string }[], field: string) {
  checks.list(sections, field, {
    label: 'sections', max: MAX_SECTIONS, key: (section) => section.heading.trim(), keyField: 'heading',
    each: (section, at) => {
      checks.text(section.heading, `${at}.heading`, 'A heading', MAX_LENGTH.title);
      checks.text(section.body, `${at}.body`, 'A section’s text', MAX_LENGTH.document);
    },
  });
}

export async function saveSections(ctx: Context, input: SaveReportSectionsInput) {
  const viewer = requireViewer(ctx.viewer);
  const resolved = await resolveScope(ctx, input.scope, 'input.scope');
  const checks = new Checks();
  checkSections(checks, input.sections, 'input.sections');
  checks.throwIfAny();
  const report = await workingCopy(ctx, resolved);
  if (input.expectedVersion != null && input.expectedVersion !== report.version) {
    fail(UserErrorCode.CONFLICT, 'input.expectedVersion', `Someone saved this report since you read it (version ${report.version}); reload it and try again.`);
  }
  report.sections = input.sections.map((section) => ({ heading: section.heading.trim(), body: section.body.trim() }));
  report.updatedAt = ctx.now;
  report.updatedBy = ref(Person, viewer.id);
  ctx.em.persist(report);
  await flushFirstWins(ctx.em, 'operations_report_scope_period_unique', userError(UserErrorCode.CONFLICT, 'input.scope', 'Someone started this report at the same moment; reload it and try again.'));
  return { report, resolved };
}

export async function issue(ctx: Context, input: IssueReportInput) {
  const viewer = requireViewer(ctx.viewer);
  const resolved = await resolveScope(ctx, input.scope, 'input.scope');
  const report = await workingCopy(ctx, resolved);
  ctx.em.persist(report);
  await flushFirstWins(ctx.em, 'operations_report_scope_period_unique', userError(UserErrorCode.CONFLICT, 'input.scope', 'Someone started this report at the same moment; reload it and try again.'));
  const previous = await ctx.em.count(IssuedOperationsReport, { report });
  const checks = new Checks();
  if (checks.text(input.note, 'input.note', 'The note', MAX_LENGTH.reason, false)) {
    checks.check(previous === 0 || !!input.note?.trim(), UserErrorCode.REQUIRED, 'input.note', `Version ${previous + 1} corrects version ${previous}: say what it corrects.`);
  }
  checks.throwIfAny();
  const figures = await reportFigures(ctx, resolved.scope, resolved.period);
  const issued = ctx.em.create(IssuedOperationsReport, {
    report, number: previous + 1, figures, sections: report.sections as NarrativeSection[], note: input.note?.trim() || null, issuedBy: ref(Person, viewer.id), createdAt: ctx.now,
  });
  await flushFirstWins(ctx.em, 'operations_report_issue_report_id_number_unique', userError(UserErrorCode.CONFLICT, 'input.scope', 'Someone issued this report at the same moment; reload it and try again.'));
  return { issued, resolved };
}

export const issuedGlobalId = (issued: IssuedOperationsReport) => toGlobalId('IssuedOperationsReport', issued.id);
