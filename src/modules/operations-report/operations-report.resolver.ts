import { Arg, Ctx, FieldResolver, GraphQLISODateTime, Int, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { runMutation } from '../../shared/mutation.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import { IssueReportInput, ReportScopeInput, SaveReportSectionsInput } from './operations-report.inputs.js';
import { IssuedOperationsReport, OperationsReport, type NarrativeSection } from './operations-report.entity.js';
import * as reports from './operations-report.service.js';
import { IssuedOperationsReportPayload, NarrativeSectionView, OperationsReportPayload, ReportFiguresView } from './operations-report.types.js';
import { reportTitle } from './report-build.js';
import type { Language } from './report-document.js';
import { reportFigures, type ReportFigures } from './report-figures.js';
import { summarySentences } from './report-sentences.js';
import { figuresView } from './report-view.js';

export enum ReportLanguage {
  ZH = 'zh',
  EN = 'en',
}
registerEnumType(ReportLanguage, { name: 'ReportLanguage', description: 'The language a report is written in.', valuesConfig: { ZH: { description: 'Chinese, as the park writes to its district.' }, EN: { description: 'English.' } } });

const LANGUAGE_ARG = { defaultValue: ReportLanguage.ZH, description: 'Chinese by default.' };

interface Live {
  resolved: reports.ResolvedReport;
  figures: () => Promise<ReportFigures>;
}

/**
 * What the working copies' fields need beyond their rows: each one's resolved scope and its figures,
 * computed once per request. Kept in the request's loaders, which go with the request (see Loaders.once).
 */
const live = (ctx: Context) => ctx.loaders.once('live operations reports', () => new Map<OperationsReport, Live>());

function track(ctx: Context, report: OperationsReport, resolved: reports.ResolvedReport) {
  let figures: Promise<ReportFigures> | null = null;
  live(ctx).set(report, { resolved, figures: () => (figures ??= reportFigures(ctx, resolved.scope, resolved.period)) });
  return report;
}

const sectionViews = (sections: NarrativeSection[]) => sections.map((section) => Object.assign(new NarrativeSectionView(), section));

@Resolver(() => OperationsReport)
export class OperationsReportResolver {
  @Query(() => OperationsReport, { nullable: true, description: 'The operations report of a park or a district for a period: figures computed from the data now, the sections staff saved, and its issued versions (the staff over the park or district).' })
  async operationsReport(@Ctx() ctx: Context, @Arg('scope', () => ReportScopeInput, { description: 'Whose report and which period.' }) scope: ReportScopeInput) {
    const { report, resolved } = await reports.liveReport(ctx, scope);
    return track(ctx, report, resolved);
  }

  @Mutation(() => OperationsReportPayload, { description: 'Save the narrative sections of a report’s working copy (the staff over its park or district).' })
  saveOperationsReportSections(@Ctx() ctx: Context, @Arg('input', () => SaveReportSectionsInput, { description: 'The report and its sections.' }) input: SaveReportSectionsInput) {
    return runMutation(ctx, OperationsReportPayload, async (tx) => {
      const { report, resolved } = await reports.saveSections(tx, input);
      return { report: track(ctx, report, resolved) };
    });
  }

  @Mutation(() => IssuedOperationsReportPayload, { description: 'Issue a report: its figures and sections are frozen as the next numbered version; a correction is a later version, with a note.' })
  issueOperationsReport(@Ctx() ctx: Context, @Arg('input', () => IssueReportInput, { description: 'The report, and what a correction corrects.' }) input: IssueReportInput) {
    return runMutation(ctx, IssuedOperationsReportPayload, (tx) => reports.issue(tx, input));
  }

  @FieldResolver(() => String, { description: 'Its title, e.g. 横岗创新园2022年度运营工作报告.' })
  title(@Ctx() ctx: Context, @Root() report: OperationsReport, @Arg('language', () => ReportLanguage, LANGUAGE_ARG) language: ReportLanguage) {
    return reportTitle(reports.reportNames(live(ctx).get(report)!.resolved, language as Language), language as Language);
  }

  @FieldResolver(() => Park, { nullable: true, description: 'The park; null for a district’s report.' })
  park(@Ctx() ctx: Context, @Root() report: OperationsReport) {
    return live(ctx).get(report)!.resolved.park;
  }

  @FieldResolver(() => Place, { description: 'The district.' })
  district(@Ctx() ctx: Context, @Root() report: OperationsReport) {
    return live(ctx).get(report)!.resolved.district;
  }

  @FieldResolver(() => String, { description: 'The first day of the period, YYYY-MM-DD (China Standard Time).' })
  periodStart(@Root() report: OperationsReport) {
    return report.periodStart;
  }

  @FieldResolver(() => Int, { description: 'The working copy’s version: give it as `expectedVersion` when saving.' })
  version(@Root() report: OperationsReport) {
    return report.version;
  }

  @FieldResolver(() => ReportFiguresView, { description: 'The figures, computed from the data now, each with the rows behind it.' })
  async figures(@Ctx() ctx: Context, @Root() report: OperationsReport) {
    return figuresView(ctx, await live(ctx).get(report)!.figures());
  }

  @FieldResolver(() => [String], { description: 'The sentences that state the figures, one per kind of work.' })
  async summary(@Ctx() ctx: Context, @Root() report: OperationsReport, @Arg('language', () => ReportLanguage, LANGUAGE_ARG) language: ReportLanguage) {
    const { resolved, figures } = live(ctx).get(report)!;
    return summarySentences(await figures(), reports.reportNames(resolved, language as Language), language as Language);
  }

  @FieldResolver(() => [NarrativeSectionView], { description: 'The narrative sections staff saved, in order.' })
  sections(@Root() report: OperationsReport) {
    return sectionViews(report.sections);
  }

  @FieldResolver(() => [IssuedOperationsReport], { description: 'Its issued versions, latest first.' })
  issues(@Ctx() ctx: Context, @Root() report: OperationsReport) {
    return reports.issuesOf(ctx, report);
  }
}

@Resolver(() => IssuedOperationsReport)
export class IssuedOperationsReportResolver {
  @FieldResolver(() => String, { description: 'Its title.' })
  async title(@Ctx() ctx: Context, @Root() issued: IssuedOperationsReport, @Arg('language', () => ReportLanguage, LANGUAGE_ARG) language: ReportLanguage) {
    const resolved = await reports.issuedContext(ctx, issued);
    return reportTitle(reports.reportNames(resolved, language as Language), language as Language);
  }

  @FieldResolver(() => GraphQLISODateTime, { description: 'When it was issued.' })
  issuedAt(@Root() issued: IssuedOperationsReport) {
    return issued.createdAt;
  }

  @FieldResolver(() => Person, { description: 'Who issued it.' })
  issuedBy(@Ctx() ctx: Context, @Root() issued: IssuedOperationsReport) {
    return ctx.loaders.byId(Person).load(issued.issuedBy.id);
  }

  @FieldResolver(() => ReportFiguresView, { description: 'Its figures as issued, each with the rows behind it.' })
  figures(@Ctx() ctx: Context, @Root() issued: IssuedOperationsReport) {
    return figuresView(ctx, issued.figures);
  }

  @FieldResolver(() => [String], { description: 'The sentences that state its figures.' })
  async summary(@Ctx() ctx: Context, @Root() issued: IssuedOperationsReport, @Arg('language', () => ReportLanguage, LANGUAGE_ARG) language: ReportLanguage) {
    const resolved = await reports.issuedContext(ctx, issued);
    return summarySentences(issued.figures, reports.reportNames(resolved, language as Language), language as Language);
  }

  @FieldResolver(() => [NarrativeSectionView], { description: 'Its narrative sections as issued.' })
  sections(@Root() issued: IssuedOperationsReport) {
    return sectionViews(issued.sections);
  }

  @FieldResolver(() => String, { description: 'Where to download it as a Word document, with the same bearer token: add `?language=en` for English.' })
  docxPath(@Root() issued: IssuedOperationsReport) {
    return `/operations-reports/${encodeURIComponent(reports.issuedGlobalId(issued))}.docx`;
  }

  @FieldResolver(() => String, { description: 'Where to read it as a web page with charts, with the same bearer token.' })
  htmlPath(@Root() issued: IssuedOperationsReport) {
    return `/operations-reports/${encodeURIComponent(reports.issuedGlobalId(issued))}.html`;
  }
}
