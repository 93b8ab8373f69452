import type { Context } from '../../shared/context.js';
import { ParkActivity } from '../park-activities/park-activity.entity.js';
import { canSeeActivity } from '../park-activities/park-activities.service.js';
import { Place } from '../places/place.entity.js';
import { Program } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { canViewProject } from '../projects/project.permissions.js';
import { ServiceReport } from '../reports/service-report.entity.js';
import { ResourceMatch } from '../resources/resource-match.entity.js';
import { canSeeMatch } from '../resources/resources.permissions.js';
import { ReviewRound } from '../reviews/review-round.entity.js';
import { canSeeRound } from '../reviews/review.permissions.js';
import { followsProject } from '../supervision/supervision.queries.js';
import { SupervisionVisit } from '../supervision/supervision-visit.entity.js';
import type { ReportFigures, TaxonomyRow } from './report-figures.js';
import type { ReportFiguresView } from './operations-report.types.js';

type Loadable<T> = { new (...args: never[]): T; name: string };

/**
 * The rows behind a figure that the viewer may see, in the figure's order. A report is read by the
 * staff over its scope, who see all of them; the check still runs, so an issued report read after
 * someone's work moved never shows what they may no longer see.
 */
async function visible<T extends { id: string }>(ctx: Context, entity: Loadable<T>, ids: string[], may: (row: T) => Promise<boolean> | boolean): Promise<T[]> {
  const rows = (await ctx.loaders.byId(entity).loadMany(ids)).filter((row): row is T => !!row && !(row instanceof Error));
  const allowed = await Promise.all(rows.map(may));
  return rows.filter((_, i) => allowed[i]);
}

const projects = (ctx: Context, ids: string[]) => visible(ctx, Project, ids, (project) => canViewProject(ctx, project));
const project = async (ctx: Context, id: string) => (await projects(ctx, [id]))[0] ?? null;

const taxonomyView = (ctx: Context, row: TaxonomyRow) => ({
  name: row.name, projects: row.projects, personTimes: row.personTimes,
  get projectList() { return projects(ctx, row.projectIds); },
});

/** The figures as GraphQL objects, each drill-down read only when its field is selected. */
export function figuresView(ctx: Context, figures: ReportFigures): ReportFiguresView {
  const { coaching, revisions, supervision, serviceReports, activities, resources } = figures;
  return {
    coaching: {
      sessions: coaching.sessions, projectsCoached: coaching.projectsCoached, projectsApplied: coaching.projectsApplied,
      byProgram: coaching.byProgram.map((row) => ({
        coached: row.coached, applied: row.applied,
        get program() { return ctx.loaders.byId(Program).load(row.programId) as Promise<Program>; },
      })),
      get coachedProjects() { return projects(ctx, coaching.coachedProjectIds); },
      get appliedProjects() { return projects(ctx, coaching.appliedProjectIds); },
    },
    revisions: {
      revisions: revisions.revisions, projectsRevised: revisions.projectsRevised, mostRevisions: revisions.mostRevisions,
      get revisedProjects() { return projects(ctx, revisions.revisedProjectIds); },
    },
    rankings: figures.rankings.map((won) => ({
      roundName: won.roundName, rank: won.rank, score: won.score, fieldSize: won.fieldSize,
      get project() { return project(ctx, won.projectId); },
      get round() { return visible(ctx, ReviewRound, [won.roundId], (round) => canSeeRound(ctx, round)).then((rows) => rows[0] ?? null); },
    })),
    recommendations: figures.recommendations.map((row) => ({
      library: row.library, recommendedAt: new Date(row.recommendedAt),
      get project() { return project(ctx, row.projectId); },
    })),
    funnel: {
      ...figures.funnel,
      get createdProjects() { return projects(ctx, figures.funnel.projectIds.created); },
      get submittedProjects() { return projects(ctx, figures.funnel.projectIds.submitted); },
      get approvedProjects() { return projects(ctx, figures.funnel.projectIds.approved); },
      get startedProjects() { return projects(ctx, figures.funnel.projectIds.started); },
      get closedProjects() { return projects(ctx, figures.funnel.projectIds.closed); },
    },
    supervision: {
      visits: supervision.visits, projectsVisited: supervision.projectsVisited,
      get visitList() { return visible(ctx, SupervisionVisit, supervision.visitIds, (visit) => followsProject(ctx, visit.project.id)); },
    },
    serviceReports: {
      submitted: serviceReports.submitted, accepted: serviceReports.accepted, personTimes: serviceReports.personTimes, averageSatisfaction: serviceReports.averageSatisfaction,
      byProject: serviceReports.byProject.map((row) => ({ submitted: row.submitted, accepted: row.accepted, get project() { return project(ctx, row.projectId); } })),
      get acceptedReports() { return visible(ctx, ServiceReport, serviceReports.acceptedReportIds, (report) => followsProject(ctx, report.project.id)); },
    },
    closings: figures.closings.map((closing) => ({
      closedAt: new Date(closing.closedAt), score: closing.score, grade: closing.grade,
      get project() { return project(ctx, closing.projectId); },
    })),
    activities: {
      activities: activities.activities, sessions: activities.sessions, onlineSessions: activities.onlineSessions, personTimes: activities.personTimes,
      trainingPersonTimes: activities.trainingPersonTimes, byKind: activities.byKind, streetCount: activities.streets.length,
      satisfactionResponses: activities.satisfactionResponses, averageSatisfaction: activities.averageSatisfaction,
      get streets() {
        return ctx.loaders.byId(Place).loadMany(activities.streets.map((row) => row.streetId))
          .then((places) => activities.streets.map((row, i) => ({ street: places[i] as Place, personTimes: row.personTimes })));
      },
      get activityList() { return visible(ctx, ParkActivity, activities.activityIds, (activity) => canSeeActivity(ctx, activity)); },
    },
    resources: {
      offers: resources.offers, matchesProposed: resources.matchesProposed, matchesDelivered: resources.matchesDelivered,
      valueBrokered: resources.valueBrokered, projectsServed: resources.projectsServed,
      get matches() {
        return visible(ctx, ResourceMatch, resources.matchIds, async (match) => {
          const of = await ctx.loaders.byId(Project).load(match.project.id);
          return !!of && canSeeMatch(ctx, match, of);
        });
      },
    },
    areas: figures.areas.map((row) => taxonomyView(ctx, row)),
    types: figures.types.map((row) => taxonomyView(ctx, row)),
    monthly: figures.monthly,
  };
}
