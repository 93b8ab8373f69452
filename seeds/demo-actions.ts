/**
 * The demo's verbs: each is one API mutation (the service function its resolver calls), made by a
 * named demo person at a given moment through `Acting`. They keep the IDs the story needs later
 * (projects, revisions, sessions, rounds, assignments, conditions, reports) under the story's keys,
 * and pass them to the services as global IDs, exactly as a client would.
 */
import type { Viewer } from '../src/shared/auth.js';
import { toFen } from '../src/shared/money.js';
import { toGlobalId } from '../src/shared/node-id.js';
import { startDelivery, openClosing, closeProject, terminate } from '../src/modules/closing/closing.service.js';
import { ActionItem } from '../src/modules/coaching/action-item.entity.js';
import { checkIn, createActivity, recordHeadcount, recordSatisfaction, register } from '../src/modules/park-activities/park-activities.service.js';
import { ActivitySession, type ActivityKind, type SessionMode } from '../src/modules/park-activities/park-activity.entity.js';
import type { CoachingMode } from '../src/modules/coaching/coaching-session.entity.js';
import { logCoachingSession, setActionItemDone } from '../src/modules/coaching/coaching.service.js';
import { DecisionCondition } from '../src/modules/decisions/decision-condition.entity.js';
import type { DecisionOutcome } from '../src/modules/decisions/decision.entity.js';
import { markConditionMet, recordDecision } from '../src/modules/decisions/decision.service.js';
import { recommendProject } from '../src/modules/recommendations/recommendations.js';
import { acceptMatch, createOffer, deliverMatch, proposeMatch, raiseNeed } from '../src/modules/resources/resources.service.js';
import type { ResourceKind } from '../src/modules/resources/resource-offer.entity.js';
import { assignProjectTeam, createProject, saveRevision, submitProject, withdrawProject } from '../src/modules/projects/project.service.js';
import { reviewReport, submitReport } from '../src/modules/reports/reports.service.js';
import type { Recommendation } from '../src/modules/reviews/review-assignment.entity.js';
import { ReviewRound, RoundKind } from '../src/modules/reviews/review-round.entity.js';
import { ranking } from '../src/modules/reviews/review.queries.js';
import { assignEvaluators, closeRound, openRound, saveScorecard } from '../src/modules/reviews/review.service.js';
import { FollowUp } from '../src/modules/supervision/follow-up.entity.js';
import type { RiskLevel, VisitKind } from '../src/modules/supervision/supervision-visit.entity.js';
import { closeFollowUp, logVisit } from '../src/modules/supervision/supervision.service.js';
import type { Acting } from './acting.js';
import { cstDate, type DemoAddress, type DemoProgram, type ProgramKey, type RevisionContent } from './demo-data.js';
import { recommendationFor, splitScores } from './demo-scores.js';

/** What the story knows about a project it has created. */
interface ProjectRecord {
  id: string;
  program: ProgramKey;
  applicant: string;
  revisions: string[];
  conditions: string[];
}

export interface ProjectIdentity {
  title: string;
  program: ProgramKey;
  applicant: string;
  focusArea: string;
  communityServed: string;
}

export interface CoachingPlan {
  heldAt: Date;
  mode: CoachingMode;
  durationMinutes: number;
  topics: string[];
  notes: string;
  /** The revision number discussed. */
  discusses: number;
  actionItems: { description: string; due: Date }[];
}

export interface VisitPlan {
  kind: VisitKind;
  findings: string;
  riskLevel: RiskLevel;
  followUps?: { description: string; due: Date }[];
}

export interface ReportPlan {
  period: string;
  sessionsHeld: number;
  personTimes: number;
  volunteers: number;
  volunteerHours: number;
  satisfactionRate: number;
  spending: number;
  narrative: string;
  indicatorActuals: { name: string; actual: number }[];
}

/** A park activity as its staff create it; parks, places, projects and organisations by their demo keys. */
export interface ActivityPlan {
  park: string;
  kind: ActivityKind;
  title: string;
  topic?: string;
  description?: string;
  organizer?: string;
  venue?: string;
  capacity?: number;
  openToPublic?: boolean;
  sessions: { startsAt: Date; endsAt: Date; mode: SessionMode; venue?: string }[];
  projects?: string[];
  organizations?: string[];
}

/** A guest without an account, by name and unit, from a street (and community) of the activity's district. */
export interface GuestPlan extends DemoAddress {
  name: string;
  unit: string;
}

/** Who comes to an activity: a demo person, or a guest. */
export type Attendee = { person: string } | { guest: GuestPlan };

/** Where things are, by demo key: the seeder writes these directly, the story names them. */
export interface DemoSites {
  parks: ReadonlyMap<string, string>;
  /** Places by 'district/street[/community]'. */
  places: ReadonlyMap<string, string>;
  organizations: ReadonlyMap<string, string>;
}

const attendeeKey = (who: Attendee) => ('person' in who ? `person:${who.person}` : `guest:${who.guest.name}/${who.guest.unit}`);
const placePath = ({ district, street, community }: DemoAddress) => [district, street, community].filter(Boolean).join('/');

const gid = toGlobalId;

export class DemoActions {
  private readonly projects = new Map<string, ProjectRecord>();
  private readonly sessions = new Map<string, { id: string; items: string[] }>();
  private readonly rounds = new Map<string, { id: string; program: ProgramKey; kind: RoundKind }>();
  private readonly assignments = new Map<string, string>();
  private readonly followUps = new Map<string, string>();
  private readonly reports = new Map<string, string>();
  private readonly activities = new Map<string, { id: string; sessions: string[] }>();
  /** Registrations by `${activityKey}|${attendeeKey}`. */
  private readonly registrations = new Map<string, string>();

  constructor(
    private readonly acting: Acting,
    private readonly people: Map<string, Viewer>,
    private readonly programs: Map<ProgramKey, DemoProgram & { id: string }>,
    readonly sites: DemoSites,
  ) {}

  person(key: string): Viewer {
    const viewer = this.people.get(key);
    if (!viewer) throw new Error(`Demo story: no person ${key}`);
    return viewer;
  }

  projectId(key: string): string {
    const record = this.projects.get(key);
    if (!record) throw new Error(`Demo story: project ${key} has not been created yet`);
    return record.id;
  }

  /** The year a programme is named for (the open and the delivery calls move with the date). */
  programYear(key: ProgramKey): number {
    return this.programs.get(key)!.year;
  }

  roundId(key: string): string {
    const round = this.rounds.get(key);
    if (!round) throw new Error(`Demo story: round ${key} has not been opened yet`);
    return round.id;
  }

  activityId(key: string): string {
    const activity = this.activities.get(key);
    if (!activity) throw new Error(`Demo story: activity ${key} has not been created yet`);
    return activity.id;
  }

  private site(map: ReadonlyMap<string, string>, key: string, what: string): string {
    const id = map.get(key);
    if (!id) throw new Error(`Demo story: no ${what} ${key}`);
    return id;
  }

  private project(key: string): ProjectRecord {
    this.projectId(key);
    return this.projects.get(key)!;
  }

  // ---- intake ----------------------------------------------------------------------------------

  async create(key: string, identity: ProjectIdentity, at: Date): Promise<void> {
    if (this.projects.has(key)) throw new Error(`Demo story: project ${key} created twice`);
    const program = this.programs.get(identity.program)!;
    const { project } = await this.acting.as(this.person(identity.applicant), at, createProject, {
      programId: gid('Program', program.id),
      title: identity.title,
      focusArea: identity.focusArea,
      communityServed: identity.communityServed,
    });
    this.projects.set(key, { id: project.id, program: identity.program, applicant: identity.applicant, revisions: [], conditions: [] });
  }

  async team(key: string, by: string, at: Date, leadStaff: string | null, mentors: string[] = []): Promise<void> {
    await this.acting.as(this.person(by), at, assignProjectTeam, {
      projectId: gid('Project', this.projectId(key)),
      leadStaffId: leadStaff ? gid('Person', this.person(leadStaff).id) : null,
      ...(mentors.length ? { mentorIds: mentors.map((m) => gid('Person', this.person(m).id)) } : {}),
    });
  }

  /** The applicant saves the next revision; `answers` names the coaching sessions it responds to. */
  async revise(key: string, at: Date, content: RevisionContent, answers: string[] = []): Promise<void> {
    const record = this.project(key);
    const fen = content.budgetLines.reduce((sum, line) => sum + toFen(line.amount), 0);
    const { revision } = await this.acting.as(this.person(record.applicant), at, saveRevision, {
      projectId: gid('Project', record.id),
      ...structuredClone(content),
      requestedAmount: fen / 100,
      answersSessionIds: answers.map((session) => gid('CoachingSession', this.session(session).id)),
    });
    record.revisions.push(revision.id);
  }

  async submit(key: string, at: Date): Promise<void> {
    const record = this.project(key);
    await this.acting.as(this.person(record.applicant), at, submitProject, { projectId: gid('Project', record.id) });
  }

  async withdraw(key: string, by: string, at: Date, reason: string): Promise<void> {
    await this.acting.as(this.person(by), at, withdrawProject, { projectId: gid('Project', this.projectId(key)), reason });
  }

  // ---- coaching --------------------------------------------------------------------------------

  private session(key: string) {
    const session = this.sessions.get(key);
    if (!session) throw new Error(`Demo story: coaching session ${key} has not been logged yet`);
    return session;
  }

  /** A coach logs a session (some time after it was held) with its action items. */
  async coach(sessionKey: string, projectKey: string, coach: string, loggedAt: Date, plan: CoachingPlan): Promise<void> {
    const record = this.project(projectKey);
    const { coachingSession } = await this.acting.as(this.person(coach), loggedAt, logCoachingSession, {
      projectId: gid('Project', record.id),
      heldAt: plan.heldAt,
      mode: plan.mode,
      durationMinutes: plan.durationMinutes,
      topics: plan.topics,
      notes: plan.notes,
      discussedRevisionId: gid('ProposalRevision', record.revisions[plan.discusses - 1]),
      actionItems: plan.actionItems.map((item) => ({ description: item.description, dueDate: cstDate(item.due) })),
    });
    const items = await this.acting.fork().find(ActionItem, { session: coachingSession.id });
    this.sessions.set(sessionKey, { id: coachingSession.id, items: plan.actionItems.map((item) => items.find((i) => i.description === item.description)!.id) });
  }

  async actionItemDone(sessionKey: string, index: number, by: string, at: Date): Promise<void> {
    await this.acting.as(this.person(by), at, setActionItemDone, { actionItemId: gid('ActionItem', this.session(sessionKey).items[index]), done: true });
  }

  // ---- review and decision ---------------------------------------------------------------------

  async openRound(roundKey: string, program: ProgramKey, kind: RoundKind, name: string, by: string, at: Date): Promise<void> {
    const { round } = await this.acting.as(this.person(by), at, openRound, { programId: gid('Program', this.programs.get(program)!.id), kind, name });
    this.rounds.set(roundKey, { id: round.id, program, kind });
  }

  async closeRound(roundKey: string, by: string, at: Date): Promise<void> {
    await this.acting.as(this.person(by), at, closeRound, { roundId: gid('ReviewRound', this.roundId(roundKey)) });
  }

  /** Staff assign evaluators; their scorecards are due on `due` (a day in Shenzhen), or when the API's default says. */
  async assign(roundKey: string, projectKey: string, evaluators: string[], by: string, at: Date, due?: Date): Promise<void> {
    const { assignments } = await this.acting.as(this.person(by), at, assignEvaluators, {
      roundId: gid('ReviewRound', this.roundId(roundKey)),
      projectId: gid('Project', this.projectId(projectKey)),
      evaluatorIds: evaluators.map((e) => gid('Person', this.person(e).id)),
      ...(due && { dueDate: cstDate(due) }),
    });
    for (const a of assignments) {
      const evaluator = evaluators.find((e) => this.person(e).id === a.evaluator.id)!;
      this.assignments.set(`${roundKey}/${projectKey}/${evaluator}`, a.id);
    }
  }

  /**
   * The evaluator submits a scorecard whose weighted total is `total`: criterion scores are split from
   * it (see demo-scores.ts), a proposal's recommendation follows from it unless given.
   */
  async score(
    roundKey: string, projectKey: string, evaluator: string, at: Date, total: number,
    options: { notes?: Record<string, string>; comment?: string; recommendation?: Recommendation } = {},
  ): Promise<void> {
    const round = this.rounds.get(roundKey)!;
    const program = this.programs.get(round.program)!;
    const rubric = round.kind === RoundKind.PROPOSAL ? program.proposalRubric : program.closingRubric;
    const assignmentId = this.assignments.get(`${roundKey}/${projectKey}/${evaluator}`);
    if (!assignmentId) throw new Error(`Demo story: ${evaluator} is not assigned to ${projectKey} in ${roundKey}`);
    const seed = [...`${roundKey}/${projectKey}/${evaluator}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
    await this.acting.as(this.person(evaluator), at, saveScorecard, {
      assignmentId: gid('ReviewAssignment', assignmentId),
      scores: splitScores(rubric, total, seed, options.notes),
      // The API asks for a recommendation only on proposal scorecards, but the database's check
      // (review_assignment_submitted_complete) wants one on every submitted scorecard: give it always.
      recommendation: options.recommendation ?? recommendationFor(total),
      comment: options.comment ?? null,
      submit: true,
    });
  }

  async decide(
    key: string, by: string, at: Date,
    decision: { outcome: DecisionOutcome; grantAmount?: number; conditions?: string[]; rationale?: string },
  ): Promise<void> {
    const record = this.project(key);
    const { decision: recorded } = await this.acting.as(this.person(by), at, recordDecision, {
      projectId: gid('Project', record.id),
      outcome: decision.outcome,
      grantAmount: decision.grantAmount ?? null,
      conditions: decision.conditions ?? null,
      rationale: decision.rationale ?? null,
    });
    if (!decision.conditions?.length) return;
    const conditions = await this.acting.fork().find(DecisionCondition, { decision: recorded.id }, { orderBy: { position: 'asc' } });
    record.conditions = conditions.map((c) => c.id);
  }

  /** The round's leaderboard as the API computes it (a read, not a service call): each project's story key, score and rank. */
  async ranking(roundKey: string, by: string, at: Date): Promise<{ key: string; score: number | null; rank: number | null }[]> {
    const entries = await this.acting.read(this.person(by), at, async (ctx) => ranking(ctx, await ctx.em.findOneOrFail(ReviewRound, { id: this.roundId(roundKey) })));
    const keys = new Map([...this.projects].map(([key, record]) => [record.id, key]));
    return entries.map((entry) => ({ key: keys.get(entry.projectId)!, score: entry.score, rank: entry.rank }));
  }

  async conditionMet(key: string, index: number, by: string, at: Date): Promise<void> {
    await this.acting.as(this.person(by), at, markConditionMet, { conditionId: gid('DecisionCondition', this.project(key).conditions[index]) });
  }

  // ---- delivery and closing --------------------------------------------------------------------

  async startDelivery(key: string, by: string, at: Date): Promise<void> {
    await this.acting.as(this.person(by), at, startDelivery, { projectId: gid('Project', this.projectId(key)) });
  }

  /** A visit, logged by its visitor the same day; its follow-ups are kept under `${visitKey}/${i}`. */
  async visit(visitKey: string, projectKey: string, visitor: string, visitedAt: Date, loggedAt: Date, plan: VisitPlan): Promise<void> {
    const { visit } = await this.acting.as(this.person(visitor), loggedAt, logVisit, {
      projectId: gid('Project', this.projectId(projectKey)),
      visitedAt,
      kind: plan.kind,
      findings: plan.findings,
      riskLevel: plan.riskLevel,
      followUps: (plan.followUps ?? []).map((f) => ({ description: f.description, dueDate: cstDate(f.due) })),
    });
    if (plan.followUps?.length) {
      const rows = await this.acting.fork().find(FollowUp, { visit: visit.id });
      plan.followUps.forEach((f, i) => this.followUps.set(`${visitKey}/${i}`, rows.find((row) => row.description === f.description)!.id));
    }
  }

  async closeFollowUp(followUpKey: string, by: string, at: Date, resolution: string): Promise<void> {
    const id = this.followUps.get(followUpKey);
    if (!id) throw new Error(`Demo story: no follow-up ${followUpKey}`);
    await this.acting.as(this.person(by), at, closeFollowUp, { followUpId: gid('FollowUp', id), resolution });
  }

  /** The applicant submits a period's report. */
  async submitReport(key: string, at: Date, report: ReportPlan): Promise<void> {
    const record = this.project(key);
    const { report: submitted } = await this.acting.as(this.person(record.applicant), at, submitReport, {
      projectId: gid('Project', record.id),
      ...report,
    });
    this.reports.set(`${key}/${report.period}`, submitted.id);
  }

  /** Staff accept a submitted report. */
  async acceptReport(key: string, period: string, by: string, at: Date): Promise<void> {
    const id = this.reports.get(`${key}/${period}`);
    if (!id) throw new Error(`Demo story: ${key} has not reported ${period}`);
    await this.acting.as(this.person(by), at, reviewReport, { reportId: gid('ServiceReport', id), accept: true });
  }

  /** Staff return a submitted report for correction. */
  async returnReport(key: string, period: string, by: string, at: Date, reason: string): Promise<void> {
    const id = this.reports.get(`${key}/${period}`);
    if (!id) throw new Error(`Demo story: ${key} has not reported ${period}`);
    await this.acting.as(this.person(by), at, reviewReport, { reportId: gid('ServiceReport', id), accept: false, reason });
  }

  async openClosing(key: string, by: string, at: Date): Promise<void> {
    await this.acting.as(this.person(by), at, openClosing, { projectId: gid('Project', this.projectId(key)) });
  }

  // ---- resource matching (资源对接) ---------------------------------------------------------------

  private readonly offers = new Map<string, string>();
  private readonly needs = new Map<string, string>();
  private readonly matches = new Map<string, string>();

  /** The park's staff record an offer. */
  async offer(key: string, by: string, at: Date, park: string, offer: { kind: ResourceKind; title: string; providerName: string; terms: string; value: number }): Promise<void> {
    const { offer: made } = await this.acting.as(this.person(by), at, createOffer, { ...offer, parkId: gid('Park', this.site(this.sites.parks, park, 'park')) });
    this.offers.set(key, made.id);
  }

  /** A project raises a need. */
  async need(key: string, project: string, by: string, at: Date, need: { kind: ResourceKind; description: string; valueSought?: number }): Promise<void> {
    const { need: raised } = await this.acting.as(this.person(by), at, raiseNeed, { ...need, projectId: gid('Project', this.projectId(project)) });
    this.needs.set(key, raised.id);
  }

  /** Staff propose an offer to a project, for one of its needs. */
  async proposeMatch(key: string, offer: string, project: string, need: string | null, by: string, at: Date, note: string): Promise<void> {
    const { match } = await this.acting.as(this.person(by), at, proposeMatch, {
      offerId: gid('ResourceOffer', this.offers.get(offer)!), projectId: gid('Project', this.projectId(project)),
      needId: need ? gid('ResourceNeed', this.needs.get(need)!) : null, note,
    });
    this.matches.set(key, match.id);
  }

  async acceptMatch(key: string, by: string, at: Date): Promise<void> {
    await this.acting.as(this.person(by), at, acceptMatch, { matchId: gid('ResourceMatch', this.matches.get(key)!) });
  }

  async deliverMatch(key: string, by: string, at: Date, valueBrokered: number, note: string): Promise<void> {
    await this.acting.as(this.person(by), at, deliverMatch, { matchId: gid('ResourceMatch', this.matches.get(key)!), valueBrokered, note });
  }

  /** Staff recommend a project to a project library (推荐至项目库). */
  async recommend(key: string, by: string, at: Date, library: string, note: string): Promise<void> {
    await this.acting.as(this.person(by), at, recommendProject, { projectId: gid('Project', this.projectId(key)), library, note });
  }

  async close(key: string, by: string, at: Date): Promise<void> {
    await this.acting.as(this.person(by), at, closeProject, { projectId: gid('Project', this.projectId(key)) });
  }

  async terminate(key: string, by: string, at: Date, reason: string): Promise<void> {
    await this.acting.as(this.person(by), at, terminate, { projectId: gid('Project', this.projectId(key)), reason });
  }

  // ---- the park's own activities ---------------------------------------------------------------

  /** The park's staff create an activity with its sessions; its session IDs are kept by number. */
  async createActivity(key: string, by: string, at: Date, plan: ActivityPlan): Promise<void> {
    if (this.activities.has(key)) throw new Error(`Demo story: activity ${key} created twice`);
    const { park, projects = [], organizations = [], ...fields } = plan;
    const { activity } = await this.acting.as(this.person(by), at, createActivity, {
      ...fields,
      parkId: gid('Park', this.site(this.sites.parks, park, 'park')),
      projectIds: projects.map((p) => gid('Project', this.projectId(p))),
      organizationIds: organizations.map((o) => gid('Organization', this.site(this.sites.organizations, o, 'organisation'))),
    });
    const sessions = await this.acting.fork().find(ActivitySession, { activity: activity.id }, { orderBy: { number: 'asc' } });
    this.activities.set(key, { id: activity.id, sessions: sessions.map((session) => session.id) });
  }

  private guestInput(guest: GuestPlan) {
    return {
      name: guest.name,
      unit: guest.unit,
      ...(guest.community
        ? { communityId: gid('Place', this.site(this.sites.places, placePath(guest), 'place')) }
        : guest.street ? { streetId: gid('Place', this.site(this.sites.places, placePath(guest), 'place')) } : {}),
    };
  }

  private who(who: Attendee) {
    return 'person' in who ? { personId: gid('Person', this.person(who.person).id) } : { guest: this.guestInput(who.guest) };
  }

  /** Staff register someone before the activity. */
  async register(activityKey: string, who: Attendee, by: string, at: Date): Promise<void> {
    const { registration } = await this.acting.as(this.person(by), at, register, { activityId: gid('ParkActivity', this.activityId(activityKey)), ...this.who(who) });
    this.registrations.set(`${activityKey}|${attendeeKey(who)}`, registration.id);
  }

  /** Staff check someone in to session `number`: by their registration if they have one, else as a walk-in. */
  async checkIn(activityKey: string, number: number, who: Attendee, by: string, at: Date): Promise<void> {
    const sessionId = this.activities.get(activityKey)?.sessions[number - 1];
    if (!sessionId) throw new Error(`Demo story: activity ${activityKey} has no session ${number}`);
    const key = `${activityKey}|${attendeeKey(who)}`;
    const registered = this.registrations.get(key);
    const { registration } = await this.acting.as(this.person(by), at, checkIn, {
      sessionId: gid('ActivitySession', sessionId),
      ...(registered ? { registrationId: gid('ActivityRegistration', registered) } : this.who(who)),
    });
    this.registrations.set(key, registration.id);
  }

  async headcount(activityKey: string, number: number, headcount: number, by: string, at: Date): Promise<void> {
    const sessionId = this.activities.get(activityKey)?.sessions[number - 1];
    if (!sessionId) throw new Error(`Demo story: activity ${activityKey} has no session ${number}`);
    await this.acting.as(this.person(by), at, recordHeadcount, { sessionId: gid('ActivitySession', sessionId), headcount });
  }

  /** Staff record a satisfaction form (1–5) of someone who attended. */
  async satisfaction(activityKey: string, who: Attendee, score: number, by: string, at: Date, feedback?: string): Promise<void> {
    const id = this.registrations.get(`${activityKey}|${attendeeKey(who)}`);
    if (!id) throw new Error(`Demo story: ${attendeeKey(who)} did not come to ${activityKey}`);
    await this.acting.as(this.person(by), at, recordSatisfaction, { registrationId: gid('ActivityRegistration', id), satisfaction: score, feedback: feedback ?? null });
  }
}

/** Runs steps in time order (stable for equal times), so each project's events come out chronologically. */
export async function inTimeOrder(steps: { at: Date; run: () => Promise<void> }[]): Promise<void> {
  const sorted = steps.map((step, i) => ({ ...step, i })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  for (const step of sorted) await step.run();
}
