import { beforeAll, describe, expect, it } from 'vitest';
import {
  ActionItemFlagsDocument,
  AssignEvaluatorsDocument,
  AssignmentFlagsDocument,
  AssignProjectTeamDocument,
  CloseFollowUpDocument,
  CloseProjectDocument,
  CloseReviewRoundDocument,
  ConditionFlagsDocument,
  CreateProjectDocument,
  DeactivatePersonDocument,
  DeclareConflictDocument,
  FollowUpFlagsDocument,
  LogCoachingSessionDocument,
  LogSupervisionVisitDocument,
  MarkConditionMetDocument,
  OpenProjectClosingDocument,
  OpenReviewRoundDocument,
  OrganizationFlagsDocument,
  PersonFlagsDocument,
  ProgramFlagsDocument,
  ProjectFlagsDocument,
  ReactivatePersonDocument,
  RecordDecisionDocument,
  ReportFlagsDocument,
  ResetPasswordDocument,
  ReviewServiceReportDocument,
  RoundFlagsDocument,
  SaveRevisionDocument,
  SaveScorecardDocument,
  SetActionItemDoneDocument,
  SetPersonRolesDocument,
  StartProjectDeliveryDocument,
  SubmitProjectDocument,
  SubmitServiceReportDocument,
  TerminateProjectDocument,
  UpdateOrganizationDocument,
  UpdateProgramDocument,
  ViewerDocument,
  WithdrawProjectDocument,
  type ProjectFlagsQuery,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import type { Client, GraphQLResult } from './support/client.js';
import { applicantOrganization, districtStaff, person, program, project, revision, revisionInput, type TestPerson } from './support/factories.js';
import { assign, evaluators, openRound, scoresFor, submitScorecard } from './support/lifecycle.js';

/**
 * Every `viewerCan` flag against its mutation: each role of the cast reads the flag, then sends the
 * mutation, and the flag must say whether the mutation went through. A success that changes what
 * the flag is about uses its object up; the next role gets a fresh one in the same state.
 */
const app = useTestApp();

type Role = 'admin' | 'staff' | 'mentor' | 'otherMentor' | 'evaluator' | 'otherEvaluator' | 'applicant' | 'otherApplicant';
const ROLES: Role[] = ['admin', 'staff', 'mentor', 'otherMentor', 'evaluator', 'otherEvaluator', 'applicant', 'otherApplicant'];
const NOBODY: Role[] = [];
const STAFF: Role[] = ['admin', 'staff'];
const COACHES: Role[] = ['admin', 'staff', 'mentor'];
const FOLLOWERS: Role[] = ['admin', 'staff', 'mentor', 'applicant'];
const APPLICANT: Role[] = ['applicant'];
const WITHDRAWERS: Role[] = ['admin', 'staff', 'applicant'];

let cast: Record<Role, Client>;
let people: Record<Exclude<Role, 'admin'>, TestPerson>;
/** The second evaluator of every panel, beside the cast's evaluator: the programmes want two. */
let filler: TestPerson;
let organizationId: string;
let main: Setting;

/** A programme with an open proposal round and an open closing round. */
interface Setting {
  programId: string;
  proposalRoundId: string;
  closingRoundId: string;
}

/** The refusals a flag stands for; any other answer means the test sent a bad input. */
const REFUSALS = new Set([
  'FORBIDDEN', 'NOT_FOUND', 'WRONG_ROLE', 'NOT_ORGANIZATION_MEMBER', 'INVALID_STATUS', 'NO_REVISION', 'PROGRAM_NOT_OPEN',
  'NOT_ENOUGH_SCORECARDS', 'ROUND_CLOSED', 'WRONG_ROUND', 'SCORECARD_FINAL', 'STALE_REVISION', 'ALREADY_DONE', 'PERIOD_ALREADY_REPORTED',
  'OUTSIDE_WORKPLACE',
]);

/** ALLOWED, or the code of the refusal: a top-level error on the mutation itself, or its first user error. */
function outcome(result: GraphQLResult<unknown>): string {
  const own = result.errors?.find((e) => e.path?.length === 1);
  const payload = Object.values((result.data ?? {}) as Record<string, { userErrors?: { code: string }[] } | null>)[0];
  const code = own ? own.extensions?.code : payload?.userErrors?.[0]?.code;
  if (!code) return 'ALLOWED';
  if (!REFUSALS.has(code)) throw new Error(`Not a refusal but a bad test input: ${JSON.stringify(result)}`);
  return code;
}

/** Objects in one state, built on demand, several at a time where one setup makes several. */
class Pool<T> {
  private items: T[] = [];
  constructor(private readonly build: () => Promise<T[]>) {}

  async current(): Promise<T> {
    if (!this.items.length) this.items = await this.build();
    return this.items[0];
  }

  useUp() {
    this.items.shift();
  }
}

const poolOf = <T>(build: () => Promise<T>) => new Pool(async () => [await build()]);

/** Objects one setup made: more successes than there are objects is a failure, not a reason to reuse them. */
function fixed<T>(list: T[]): Pool<T> {
  let given = false;
  return new Pool(async () => {
    if (given) throw new Error('More roles succeeded than the setup has objects for.');
    given = true;
    return [...list];
  });
}

interface Check<T> {
  flag(client: Client, target: T): Promise<boolean | null | undefined>;
  send(client: Client, target: T, role: Role): Promise<GraphQLResult<unknown>>;
  /** A success changes what the flag is about: the next role needs a fresh object. */
  usesUp: boolean;
}

/** Each role reads the flag, then sends the mutation; the flag must say whether it went through. Returns who it let through. */
async function whoMay<T>(pool: Pool<T>, check: Check<T>): Promise<Role[]> {
  const allowed: Role[] = [];
  for (const role of ROLES) {
    const target = await pool.current();
    const offered = (await check.flag(cast[role], target)) ?? false;
    const answer = outcome(await check.send(cast[role], target, role));
    expect(`${role}: ${offered}`, `the ${role} was answered ${answer}`).toBe(`${role}: ${answer === 'ALLOWED'}`);
    if (answer === 'ALLOWED') {
      allowed.push(role);
      if (check.usesUp) pool.useUp();
    }
  }
  return allowed;
}

/** Two evaluators no project has yet, for assignments that must succeed; a pair is used up only by a success. */
const spareEvaluators: TestPerson[] = [];
async function assignSpares(client: Client, roundId: string, projectId: string) {
  while (spareEvaluators.length < 2) spareEvaluators.push(...(await evaluators(app(), 2)));
  const result = await client.request(AssignEvaluatorsDocument, { input: { roundId, projectId, evaluatorIds: spareEvaluators.slice(0, 2).map((p) => p.id) } });
  if (outcome(result) === 'ALLOWED') spareEvaluators.splice(0, 2);
  return result;
}

/** Months not yet reported, counting back from the current one; a month is used up only by a success. */
let monthsBack = 0;
function period(offset = monthsBack) {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - offset);
  return date.toISOString().slice(0, 7);
}

const reportInput = (projectId: string, month: string) => ({
  projectId, period: month, sessionsHeld: 2, personTimes: 40, volunteers: 3, volunteerHours: 6, satisfactionRate: 92, spending: 1000, narrative: '开展两场禁毒宣传活动', indicatorActuals: [],
});
let titles = 0;
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

beforeAll(async () => {
  const { organization, applicant } = await applicantOrganization(app());
  const other = await applicantOrganization(app());
  // The cast's staff are the home district's: they run its programmes (and so their rounds) and are staff over every project of its parks.
  const [staff, mentor, otherMentor] = await Promise.all([districtStaff(app()), person(app(), ['MENTOR']), person(app(), ['MENTOR'])]);
  const [evaluator, otherEvaluator, second] = await evaluators(app(), 3);
  people = { staff, mentor, otherMentor, evaluator, otherEvaluator, applicant, otherApplicant: other.applicant };
  cast = { admin: app().admin, ...Object.fromEntries(Object.entries(people).map(([role, p]) => [role, p.client])) } as Record<Role, Client>;
  filler = second;
  organizationId = organization.id;
  main = await setting();
}, 60_000);

async function setting(): Promise<Setting> {
  const call = await program(app(), { minEvaluators: 2 });
  const proposal = await openRound(cast.staff, call.id);
  const closing = await openRound(cast.staff, call.id, 'CLOSING', '结项评估');
  return { programId: call.id, proposalRoundId: proposal.id, closingRoundId: closing.id };
}

/** A project of the cast's applicant, mentored by the cast's mentor; the cast's evaluator and the filler review it. */
interface Scene extends Setting {
  projectId: string;
  proposalAssignmentId?: string;
  fillerProposalAssignmentId?: string;
  closingAssignmentId?: string;
  fillerClosingAssignmentId?: string;
  conditionIds?: string[];
}

type State =
  | 'NEW' | 'DRAFT' | 'DRAFT_PROGRAMME_CLOSED' | 'WITHDRAWN' | 'SUBMITTED' | 'UNDER_REVIEW' | 'SCORED' | 'DECIDED_UNSCORED' | 'RESUBMITTED'
  | 'REVISION_REQUESTED' | 'CONDITIONALLY_APPROVED' | 'APPROVED' | 'IN_PROGRESS' | 'TERMINATED' | 'CLOSING_REVIEW'
  | 'CLOSING_PARTLY_SCORED' | 'CLOSING_SCORED' | 'CLOSED';

const decide = async (scene: Scene, client: Client, input: Record<string, unknown>) => {
  const result = await client.data(RecordDecisionDocument, { input: { projectId: scene.projectId, rationale: '评审意见', ...input } as never });
  expect(result.recordDecision.userErrors).toEqual([]);
  return result.recordDecision.decision!;
};
const succeeds = async (send: Promise<GraphQLResult<unknown>>) => expect(outcome(await send)).toBe('ALLOWED');

/** How each state is reached: from which state, by which step. */
const STEPS: Record<State, { from: State | null; step(scene: Scene): Promise<void> }> = {
  NEW: {
    from: null,
    async step(scene) {
      scene.projectId = (await project(cast.applicant, scene.programId)).id;
      await succeeds(cast.staff.request(AssignProjectTeamDocument, { input: { projectId: scene.projectId, mentorIds: [people.mentor.id] } }));
    },
  },
  DRAFT: { from: 'NEW', step: async (scene) => void (await revision(cast.applicant, scene.projectId)) },
  DRAFT_PROGRAMME_CLOSED: {
    from: 'DRAFT',
    step: (scene) => succeeds(cast.staff.request(UpdateProgramDocument, { input: { programId: scene.programId, applicationsCloseAt: new Date(Date.now() - 60_000).toISOString() } })),
  },
  WITHDRAWN: { from: 'DRAFT', step: (scene) => succeeds(cast.applicant.request(WithdrawProjectDocument, { input: { projectId: scene.projectId, reason: '机构人手不足' } })) },
  SUBMITTED: { from: 'DRAFT', step: (scene) => succeeds(cast.applicant.request(SubmitProjectDocument, { input: { projectId: scene.projectId } })) },
  UNDER_REVIEW: {
    from: 'SUBMITTED',
    async step(scene) {
      const [own, theirs] = await assign(cast.staff, scene.proposalRoundId, scene.projectId, [people.evaluator, filler]);
      scene.proposalAssignmentId = own.assignmentId;
      scene.fillerProposalAssignmentId = theirs.assignmentId;
    },
  },
  SCORED: {
    from: 'UNDER_REVIEW',
    async step(scene) {
      await submitScorecard(people.evaluator, scene.proposalAssignmentId!, 88);
      await submitScorecard(filler, scene.fillerProposalAssignmentId!, 84);
    },
  },
  // The administrator decides without the scorecards: the cast's evaluator never scored.
  DECIDED_UNSCORED: { from: 'UNDER_REVIEW', step: async (scene) => void (await decide(scene, cast.admin, { outcome: 'REVISION_REQUESTED', overrideReason: '评审专家未能按期提交' })) },
  RESUBMITTED: {
    from: 'DECIDED_UNSCORED',
    async step(scene) {
      await revision(cast.applicant, scene.projectId, { changeNote: '按评审意见修改' });
      await succeeds(cast.applicant.request(SubmitProjectDocument, { input: { projectId: scene.projectId } }));
    },
  },
  REVISION_REQUESTED: { from: 'SCORED', step: async (scene) => void (await decide(scene, cast.staff, { outcome: 'REVISION_REQUESTED' })) },
  CONDITIONALLY_APPROVED: {
    from: 'SCORED',
    async step(scene) {
      const decision = await decide(scene, cast.staff, { outcome: 'APPROVED_WITH_CONDITIONS', grantAmount: 40000, conditions: ['补充志愿者保险方案', '提交场地使用协议', '完善财务制度'] });
      scene.conditionIds = decision.conditions.map((c) => c.id);
    },
  },
  APPROVED: { from: 'SCORED', step: async (scene) => void (await decide(scene, cast.staff, { outcome: 'APPROVED', grantAmount: 40000 })) },
  IN_PROGRESS: { from: 'APPROVED', step: (scene) => succeeds(cast.staff.request(StartProjectDeliveryDocument, { input: { projectId: scene.projectId } })) },
  TERMINATED: { from: 'IN_PROGRESS', step: (scene) => succeeds(cast.staff.request(TerminateProjectDocument, { input: { projectId: scene.projectId, reason: '机构停止运营' } })) },
  CLOSING_REVIEW: {
    from: 'IN_PROGRESS',
    async step(scene) {
      await succeeds(cast.staff.request(OpenProjectClosingDocument, { input: { projectId: scene.projectId, reason: '按期结项' } }));
      const [own, theirs] = await assign(cast.staff, scene.closingRoundId, scene.projectId, [people.evaluator, filler]);
      scene.closingAssignmentId = own.assignmentId;
      scene.fillerClosingAssignmentId = theirs.assignmentId;
    },
  },
  CLOSING_PARTLY_SCORED: { from: 'CLOSING_REVIEW', step: async (scene) => void (await submitScorecard(people.evaluator, scene.closingAssignmentId!, 86, CLOSING_RUBRIC)) },
  CLOSING_SCORED: { from: 'CLOSING_PARTLY_SCORED', step: async (scene) => void (await submitScorecard(filler, scene.fillerClosingAssignmentId!, 82, CLOSING_RUBRIC)) },
  CLOSED: { from: 'CLOSING_SCORED', step: (scene) => succeeds(cast.staff.request(CloseProjectDocument, { input: { projectId: scene.projectId } })) },
};
const CLOSING_RUBRIC = ['outcomes', 'finance'];

async function sceneIn(state: State, where?: Setting): Promise<Scene> {
  const { from, step } = STEPS[state];
  const scene = from ? await sceneIn(from, where) : ({ ...(where ?? main) } as Scene);
  await step(scene);
  return scene;
}

type ProjectFlag = keyof NonNullable<ProjectFlagsQuery['project']>['viewerCan'];

const PROJECT_CHECKS: Record<ProjectFlag, Omit<Check<Scene>, 'flag'>> = {
  saveRevision: { usesUp: true, send: (c, s) => c.request(SaveRevisionDocument, { input: revisionInput(s.projectId) }) },
  submit: { usesUp: true, send: (c, s) => c.request(SubmitProjectDocument, { input: { projectId: s.projectId } }) },
  withdraw: { usesUp: true, send: (c, s) => c.request(WithdrawProjectDocument, { input: { projectId: s.projectId, reason: '机构调整' } }) },
  assignTeam: { usesUp: false, send: (c, s) => c.request(AssignProjectTeamDocument, { input: { projectId: s.projectId, leadStaffId: people.staff.id } }) },
  // In whichever open round of the programme takes it: a success in either counts.
  assignEvaluators: {
    usesUp: true,
    async send(c, s) {
      const proposal = await assignSpares(c, s.proposalRoundId, s.projectId);
      return outcome(proposal) === 'ALLOWED' ? proposal : assignSpares(c, s.closingRoundId, s.projectId);
    },
  },
  recordDecision: {
    usesUp: true,
    send: (c, s) => c.request(RecordDecisionDocument, { input: { projectId: s.projectId, outcome: 'REVISION_REQUESTED', rationale: '请补充预算说明', overrideReason: '评审专家未能按期提交' } }),
  },
  startDelivery: { usesUp: true, send: (c, s) => c.request(StartProjectDeliveryDocument, { input: { projectId: s.projectId } }) },
  openClosing: { usesUp: true, send: (c, s) => c.request(OpenProjectClosingDocument, { input: { projectId: s.projectId, reason: '按期结项' } }) },
  close: { usesUp: true, send: (c, s) => c.request(CloseProjectDocument, { input: { projectId: s.projectId, overrideReason: '一位评审专家因病缺席' } }) },
  terminate: { usesUp: true, send: (c, s) => c.request(TerminateProjectDocument, { input: { projectId: s.projectId, reason: '机构停止运营' } }) },
  logCoachingSession: {
    usesUp: false,
    send: (c, s) => c.request(LogCoachingSessionDocument, { input: { projectId: s.projectId, heldAt: hourAgo(), mode: 'PHONE', durationMinutes: 30, topics: ['预算'], notes: '电话辅导' } }),
  },
  logSupervisionVisit: {
    usesUp: false,
    send: (c, s) => c.request(LogSupervisionVisitDocument, { input: { projectId: s.projectId, visitedAt: hourAgo(), kind: 'ONLINE_CHECK', findings: '按计划推进', riskLevel: 'NORMAL' } }),
  },
  submitServiceReport: {
    usesUp: false,
    async send(c, s) {
      const result = await c.request(SubmitServiceReportDocument, { input: reportInput(s.projectId, period()) });
      if (outcome(result) === 'ALLOWED') monthsBack++;
      return result;
    },
  },
};
const PROJECT_FLAGS = Object.keys(PROJECT_CHECKS) as ProjectFlag[];

/** Who may take each project-level action in each state; every flag not named is nobody's. */
const PROJECT_RULES: [State, Partial<Record<ProjectFlag, Role[]>>][] = [
  ['NEW', { saveRevision: APPLICANT, withdraw: WITHDRAWERS, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['DRAFT', { saveRevision: APPLICANT, submit: APPLICANT, withdraw: WITHDRAWERS, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['DRAFT_PROGRAMME_CLOSED', { saveRevision: APPLICANT, withdraw: WITHDRAWERS, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['SUBMITTED', { saveRevision: APPLICANT, withdraw: WITHDRAWERS, assignTeam: STAFF, assignEvaluators: STAFF, logCoachingSession: COACHES }],
  ['UNDER_REVIEW', { assignTeam: STAFF, assignEvaluators: STAFF, recordDecision: ['admin'], logCoachingSession: COACHES }],
  ['SCORED', { assignTeam: STAFF, assignEvaluators: STAFF, recordDecision: STAFF, logCoachingSession: COACHES }],
  ['REVISION_REQUESTED', { saveRevision: APPLICANT, withdraw: WITHDRAWERS, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['CONDITIONALLY_APPROVED', { assignTeam: STAFF, logCoachingSession: COACHES }],
  ['APPROVED', { startDelivery: STAFF, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['IN_PROGRESS', { openClosing: STAFF, terminate: STAFF, logSupervisionVisit: COACHES, submitServiceReport: APPLICANT, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['CLOSING_REVIEW', { assignEvaluators: STAFF, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['CLOSING_PARTLY_SCORED', { close: ['admin'], assignEvaluators: STAFF, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['CLOSING_SCORED', { close: STAFF, assignEvaluators: STAFF, assignTeam: STAFF, logCoachingSession: COACHES }],
  ['CLOSED', { assignTeam: STAFF }],
  ['TERMINATED', { assignTeam: STAFF }],
  ['WITHDRAWN', { assignTeam: STAFF }],
];

describe('Project.viewerCan, state by state: each flag says whether its mutation goes through, for every role', () => {
  it.each(PROJECT_RULES)('in %s', async (state, rules) => {
    // A closed programme is closed for good: each scene in that state gets a programme of its own.
    const scenes = poolOf(async () => sceneIn(state, state === 'DRAFT_PROGRAMME_CLOSED' ? await setting() : undefined));
    const allowed: Partial<Record<ProjectFlag, Role[]>> = {};
    for (const flag of PROJECT_FLAGS) {
      const read = async (c: Client, s: Scene) => (await c.request(ProjectFlagsDocument, { id: s.projectId })).data?.project?.viewerCan[flag];
      allowed[flag] = await whoMay(scenes, { ...PROJECT_CHECKS[flag], flag: read });
    }
    expect(allowed).toEqual(Object.fromEntries(PROJECT_FLAGS.map((flag) => [flag, rules[flag] ?? NOBODY])));
  }, 180_000);

  it('assigns evaluators only where an open round of the programme takes the project', async () => {
    const call = await program(app(), { minEvaluators: 2 });
    const elsewhere = poolOf(() => sceneIn('SUBMITTED', { ...main, programId: call.id }));
    const read = async (c: Client, s: Scene) => (await c.request(ProjectFlagsDocument, { id: s.projectId })).data?.project?.viewerCan.assignEvaluators;
    expect(await whoMay(elsewhere, { ...PROJECT_CHECKS.assignEvaluators, flag: read })).toEqual(NOBODY);
  }, 60_000);

  it('names, in a refused step, only the mutations that take this viewer on from the status', async () => {
    const scene = await sceneIn('SUBMITTED');
    const messages = async (send: Promise<GraphQLResult<unknown>>) =>
      Object.values((await send).data as Record<string, { userErrors: { message: string }[] }>)[0].userErrors.map((e) => e.message);
    expect(await messages(cast.staff.request(StartProjectDeliveryDocument, { input: { projectId: scene.projectId } }))).toEqual([
      'Project is SUBMITTED, so startProjectDelivery is not possible; you can: withdrawProject, assignEvaluators.',
    ]);
    expect(await messages(cast.applicant.request(SubmitProjectDocument, { input: { projectId: scene.projectId } }))).toEqual([
      'Project is SUBMITTED, so submitProject is not possible; you can: saveRevision, withdrawProject.',
    ]);
    await assign(cast.staff, scene.proposalRoundId, scene.projectId, [people.evaluator, filler]);
    expect(await messages(cast.staff.request(TerminateProjectDocument, { input: { projectId: scene.projectId, reason: '测试' } }))).toEqual([
      'Project is UNDER_REVIEW, so terminateProject is not possible; you can: recordDecision.',
    ]);
    expect(await messages(cast.applicant.request(WithdrawProjectDocument, { input: { projectId: scene.projectId } }))).toEqual([
      'Project is UNDER_REVIEW, so withdrawProject is not possible; you have no step to take from here.',
    ]);
  }, 60_000);
});

describe('ReviewAssignment.viewerCan: only the evaluator, on an open assignment of a review still going on', () => {
  const read = (flag: 'saveScorecard' | 'declareConflict') => async (c: Client, target: { id: string }) => {
    const { data } = await c.request(AssignmentFlagsDocument, { id: target.id });
    return data?.node && 'viewerCan' in data.node ? data.node.viewerCan[flag] : null;
  };
  const checks = (rubric?: string[]) => ({
    saveScorecard: { usesUp: false, flag: read('saveScorecard'), send: (c: Client, t: { id: string }) => c.request(SaveScorecardDocument, { input: { assignmentId: t.id, scores: scoresFor(80, rubric), submit: false } }) },
    declareConflict: { usesUp: true, flag: read('declareConflict'), send: (c: Client, t: { id: string }) => c.request(DeclareConflictDocument, { input: { assignmentId: t.id, reason: '与申报机构负责人为亲属' } }) },
  });
  const proposal = (state: State) => poolOf(async () => ({ id: (await sceneIn(state)).proposalAssignmentId! }));
  const roundClosed = async () => {
    const where = await setting();
    const scene = await sceneIn('UNDER_REVIEW', where);
    await succeeds(cast.staff.request(CloseReviewRoundDocument, { input: { roundId: where.proposalRoundId } }));
    return { id: scene.proposalAssignmentId! };
  };

  it.each([
    ['open, under review', () => proposal('UNDER_REVIEW'), undefined, { saveScorecard: ['evaluator'], declareConflict: ['evaluator'] }],
    ['submitted', () => proposal('SCORED'), undefined, { saveScorecard: NOBODY, declareConflict: NOBODY }],
    ['open, but the project was decided without it', () => proposal('DECIDED_UNSCORED'), undefined, { saveScorecard: NOBODY, declareConflict: ['evaluator'] }],
    ['open, on a revision since replaced', () => proposal('RESUBMITTED'), undefined, { saveScorecard: NOBODY, declareConflict: ['evaluator'] }],
    ['open, in a closed round', () => poolOf(roundClosed), undefined, { saveScorecard: NOBODY, declareConflict: ['evaluator'] }],
    ['open, in a closing evaluation', () => poolOf(async () => ({ id: (await sceneIn('CLOSING_REVIEW')).closingAssignmentId! })), CLOSING_RUBRIC,
      { saveScorecard: ['evaluator'], declareConflict: ['evaluator'] }],
  ] as const)('%s', async (_, pool, rubric, rules) => {
    const assignments = pool();
    const { saveScorecard, declareConflict } = checks(rubric as string[] | undefined);
    expect({ saveScorecard: await whoMay(assignments, saveScorecard), declareConflict: await whoMay(assignments, declareConflict) }).toEqual(rules);
  }, 120_000);
});

describe('ReviewRound.viewerCan: staff, while the round is open', () => {
  /** A round with the cast's evaluator assigned in it (so they may see it), and a project it reviews. */
  async function round(closed: boolean) {
    const scene = await sceneIn('SUBMITTED');
    const { id: roundId } = await openRound(cast.staff, scene.programId, 'PROPOSAL', '复评');
    await assign(cast.staff, roundId, scene.projectId, [people.evaluator, filler]);
    if (closed) await succeeds(cast.staff.request(CloseReviewRoundDocument, { input: { roundId } }));
    return { roundId, projectId: scene.projectId };
  }
  type Round = Awaited<ReturnType<typeof round>>;
  const read = (flag: 'assignEvaluators' | 'close') => async (c: Client, r: Round) => (await c.request(RoundFlagsDocument, { id: r.roundId })).data?.reviewRound?.viewerCan[flag];
  const assignEvaluators = { usesUp: false, flag: read('assignEvaluators'), send: (c: Client, r: Round) => assignSpares(c, r.roundId, r.projectId) };
  const close = { usesUp: true, flag: read('close'), send: (c: Client, r: Round) => c.request(CloseReviewRoundDocument, { input: { roundId: r.roundId } }) };

  it('open', async () => {
    const rounds = poolOf(() => round(false));
    expect({ assignEvaluators: await whoMay(rounds, assignEvaluators), close: await whoMay(rounds, close) }).toEqual({ assignEvaluators: STAFF, close: STAFF });
  }, 120_000);

  it('closed', async () => {
    const rounds = poolOf(() => round(true));
    expect({ assignEvaluators: await whoMay(rounds, assignEvaluators), close: await whoMay(rounds, close) }).toEqual({ assignEvaluators: NOBODY, close: NOBODY });
  }, 120_000);
});

describe('objects of a project: conditions, action items, follow-ups, service reports', () => {
  type Item = { projectId: string; id: string };
  const items = (projectId: string, ids: string[]): Item[] => ids.map((id) => ({ projectId, id }));

  it('DecisionCondition.viewerCan.meet: staff, once, while the project awaits its conditions', async () => {
    const read = async (c: Client, t: Item) =>
      (await c.request(ConditionFlagsDocument, { id: t.projectId })).data?.project?.decisions?.flatMap((d) => d.conditions).find((x) => x.id === t.id)?.viewerCan.meet;
    const meet = { usesUp: true, flag: read, send: (c: Client, t: Item) => c.request(MarkConditionMetDocument, { input: { conditionId: t.id } }) };
    // Three conditions: two roles may meet one each, and the project still awaits the third.
    const scene = await sceneIn('CONDITIONALLY_APPROVED');
    const unmet = fixed(items(scene.projectId, scene.conditionIds!));
    const met = poolOf(async () => {
      const scene = await sceneIn('CONDITIONALLY_APPROVED');
      await succeeds(cast.staff.request(MarkConditionMetDocument, { input: { conditionId: scene.conditionIds![0] } }));
      return { projectId: scene.projectId, id: scene.conditionIds![0] };
    });
    expect({ unmet: await whoMay(unmet, meet), met: await whoMay(met, meet) }).toEqual({ unmet: STAFF, met: NOBODY });
  }, 120_000);

  it('ActionItem.viewerCan.complete and reopen: whoever follows the coaching, towards the other state only', async () => {
    // The cast's evaluator is on the review, and still may not follow its coaching.
    const scene = await sceneIn('UNDER_REVIEW');
    const logged = await cast.staff.data(LogCoachingSessionDocument, {
      input: {
        projectId: scene.projectId, heldAt: hourAgo(), mode: 'ON_SITE', durationMinutes: 60, topics: ['活动设计'], notes: '讨论活动计划',
        actionItems: Array.from({ length: 10 }, (_, i) => ({ description: `修改活动计划第${i + 1}条`, dueDate: '2026-12-31' })),
      },
    });
    const ids = logged.logCoachingSession.coachingSession!.actionItems.map((item) => item.id);
    for (const id of ids.slice(5)) await succeeds(cast.staff.request(SetActionItemDoneDocument, { input: { actionItemId: id, done: true } }));
    const open = fixed(items(scene.projectId, ids.slice(0, 5)));
    const done = fixed(items(scene.projectId, ids.slice(5)));
    const read = (flag: 'complete' | 'reopen') => async (c: Client, t: Item) =>
      (await c.request(ActionItemFlagsDocument, { id: t.projectId })).data?.project?.coachingSessions?.nodes.flatMap((s) => s.actionItems).find((x) => x.id === t.id)?.viewerCan[flag];
    const setDone = (flag: 'complete' | 'reopen') => ({
      usesUp: true, flag: read(flag), send: (c: Client, t: Item) => c.request(SetActionItemDoneDocument, { input: { actionItemId: t.id, done: flag === 'complete' } }),
    });
    expect({
      reopenOpen: await whoMay(open, setDone('reopen')),
      completeDone: await whoMay(done, setDone('complete')),
      complete: await whoMay(open, setDone('complete')),
      reopen: await whoMay(done, setDone('reopen')),
    }).toEqual({ reopenOpen: NOBODY, completeDone: NOBODY, complete: FOLLOWERS, reopen: FOLLOWERS });
  }, 120_000);

  it('FollowUp.viewerCan.close: staff and the project’s mentors, once', async () => {
    const scene = await sceneIn('IN_PROGRESS');
    const visit = await cast.staff.data(LogSupervisionVisitDocument, {
      input: {
        projectId: scene.projectId, visitedAt: hourAgo(), kind: 'SITE_VISIT', findings: '签到表不完整', riskLevel: 'ATTENTION',
        followUps: Array.from({ length: 5 }, (_, i) => ({ description: `补齐第${i + 1}场活动签到表`, dueDate: '2026-12-31' })),
      },
    });
    const ids = visit.logSupervisionVisit.visit!.followUps.map((f) => f.id);
    await succeeds(cast.staff.request(CloseFollowUpDocument, { input: { followUpId: ids[4], resolution: '已补齐' } }));
    const read = async (c: Client, t: Item) =>
      (await c.request(FollowUpFlagsDocument, { id: t.projectId })).data?.project?.supervisionVisits?.nodes.flatMap((v) => v.followUps).find((x) => x.id === t.id)?.viewerCan.close;
    const close = { usesUp: true, flag: read, send: (c: Client, t: Item) => c.request(CloseFollowUpDocument, { input: { followUpId: t.id, resolution: '已整改' } }) };
    const open = fixed(items(scene.projectId, ids.slice(0, 4)));
    const closed = fixed(items(scene.projectId, ids.slice(4)));
    expect({ open: await whoMay(open, close), closed: await whoMay(closed, close) }).toEqual({ open: COACHES, closed: NOBODY });
  }, 120_000);

  it('ServiceReport.viewerCan: staff review a submitted report; the applicant resubmits a returned one while the project is in delivery', async () => {
    type Report = Item & { period: string };
    /** A project in delivery with reports in each state; `terminated` ends the project afterwards. */
    async function reports(terminated = false) {
      const scene = await sceneIn('IN_PROGRESS');
      const made: Record<'SUBMITTED' | 'RETURNED' | 'ACCEPTED', Report[]> = { SUBMITTED: [], RETURNED: [], ACCEPTED: [] };
      for (const [status, count] of [['SUBMITTED', 3], ['RETURNED', 2], ['ACCEPTED', 1]] as const) {
        for (let i = 0; i < count; i++) {
          const month = period(monthsBack++);
          const { submitServiceReport } = await cast.applicant.data(SubmitServiceReportDocument, { input: reportInput(scene.projectId, month) });
          const id = submitServiceReport.report!.id;
          if (status !== 'SUBMITTED') {
            await succeeds(cast.staff.request(ReviewServiceReportDocument, { input: { reportId: id, accept: status === 'ACCEPTED', reason: status === 'RETURNED' ? '数据有误' : null } }));
          }
          made[status].push({ projectId: scene.projectId, id, period: month });
        }
      }
      if (terminated) await succeeds(cast.staff.request(TerminateProjectDocument, { input: { projectId: scene.projectId, reason: '机构停止运营' } }));
      return made;
    }
    const read = (flag: 'review' | 'resubmit') => async (c: Client, t: Report) =>
      (await c.request(ReportFlagsDocument, { id: t.projectId })).data?.project?.serviceReports?.nodes.find((x) => x.id === t.id)?.viewerCan[flag];
    const review = { usesUp: true, flag: read('review'), send: (c: Client, t: Report) => c.request(ReviewServiceReportDocument, { input: { reportId: t.id, accept: true } }) };
    const resubmit = { usesUp: true, flag: read('resubmit'), send: (c: Client, t: Report) => c.request(SubmitServiceReportDocument, { input: reportInput(t.projectId, t.period) }) };

    const inDelivery = await reports();
    const ended = await reports(true);
    expect({
      reviewReturned: await whoMay(fixed(inDelivery.RETURNED), review),
      reviewAccepted: await whoMay(fixed(inDelivery.ACCEPTED), review),
      resubmitSubmitted: await whoMay(fixed(inDelivery.SUBMITTED), resubmit),
      resubmitAccepted: await whoMay(fixed(inDelivery.ACCEPTED), resubmit),
      review: await whoMay(fixed(inDelivery.SUBMITTED), review),
      resubmit: await whoMay(fixed(inDelivery.RETURNED), resubmit),
      resubmitAfterTermination: await whoMay(fixed(ended.RETURNED), resubmit),
    }).toEqual({
      reviewReturned: NOBODY,
      reviewAccepted: NOBODY,
      resubmitSubmitted: NOBODY,
      resubmitAccepted: NOBODY,
      review: STAFF,
      resubmit: APPLICANT,
      resubmitAfterTermination: NOBODY,
    });
  }, 180_000);
});

describe('programmes, organisations and accounts', () => {
  it('Program.viewerCan: staff run it; applicants and staff start projects while it accepts applications', async () => {
    const read = (flag: 'update' | 'openReviewRound' | 'createProject') => async (c: Client, id: string) => (await c.request(ProgramFlagsDocument, { id })).data?.program?.viewerCan[flag];
    const checks = {
      update: { usesUp: false, flag: read('update'), send: (c: Client, id: string) => c.request(UpdateProgramDocument, { input: { programId: id, funder: '南山区民政局' } }) },
      openReviewRound: { usesUp: false, flag: read('openReviewRound'), send: (c: Client, id: string) => c.request(OpenReviewRoundDocument, { input: { programId: id, kind: 'PROPOSAL' as const, name: '初评' } }) },
      createProject: {
        usesUp: false,
        flag: read('createProject'),
        // Staff name the organisation; applicants apply for their own.
        send: (c: Client, id: string, role: Role) => c.request(CreateProjectDocument, {
          input: { programId: id, title: `社区营造 ${role} ${++titles}`, focusArea: '社区治理', communityServed: '南山区南头街道', organizationId: STAFF.includes(role) ? organizationId : undefined },
        }),
      },
    };
    const DAY = 86_400_000;
    const open = poolOf(async () => (await program(app())).id);
    const closed = poolOf(async () => (await program(app(), { applicationsOpenAt: new Date(Date.now() - 20 * DAY).toISOString(), applicationsCloseAt: new Date(Date.now() - DAY).toISOString() })).id);
    const allowed = async (pool: Pool<string>) => ({
      update: await whoMay(pool, checks.update),
      openReviewRound: await whoMay(pool, checks.openReviewRound),
      createProject: await whoMay(pool, checks.createProject),
    });
    expect(await allowed(open)).toEqual({ update: STAFF, openReviewRound: STAFF, createProject: ['admin', 'staff', 'applicant', 'otherApplicant'] });
    expect(await allowed(closed)).toEqual({ update: STAFF, openReviewRound: STAFF, createProject: NOBODY });
  }, 120_000);

  it('Program.viewerCan and ReviewRound.viewerCan: a park’s staff do not run their district’s programme, nor open or close its rounds', async () => {
    const parkStaff = await person(app(), ['STAFF']);
    // A project of the home park under review in the main setting's proposal round, so the park's staff see that round.
    await sceneIn('UNDER_REVIEW');
    const programFlags = (await parkStaff.client.request(ProgramFlagsDocument, { id: main.programId })).data?.program?.viewerCan;
    expect(programFlags).toMatchObject({ update: false, openReviewRound: false });
    expect(outcome(await parkStaff.client.request(UpdateProgramDocument, { input: { programId: main.programId, funder: '南山区民政局' } }))).toBe('WRONG_ROLE');
    expect(outcome(await parkStaff.client.request(OpenReviewRoundDocument, { input: { programId: main.programId, kind: 'PROPOSAL' as const, name: '初评' } }))).toBe('OUTSIDE_WORKPLACE');
    const roundFlags = (await parkStaff.client.request(RoundFlagsDocument, { id: main.proposalRoundId })).data?.reviewRound?.viewerCan;
    expect(roundFlags).toEqual({ assignEvaluators: true, close: false });
    expect(outcome(await parkStaff.client.request(CloseReviewRoundDocument, { input: { roundId: main.proposalRoundId } }))).toBe('OUTSIDE_WORKPLACE');
    expect((await cast.staff.request(RoundFlagsDocument, { id: main.proposalRoundId })).data?.reviewRound?.viewerCan.close).toBe(true);
  }, 60_000);

  it('Organization.viewerCan.update: staff', async () => {
    // The cast's mentor mentors one of its projects, so sees it.
    await sceneIn('NEW');
    const update = {
      usesUp: false,
      flag: async (c: Client, id: string) => (await c.request(OrganizationFlagsDocument, { id })).data?.organization?.viewerCan.update,
      send: (c: Client, id: string) => c.request(UpdateOrganizationDocument, { input: { organizationId: id, contactName: '陈主任' } }),
    };
    expect(await whoMay(poolOf(async () => organizationId), update)).toEqual(STAFF);
  }, 60_000);

  it('Person.viewerCan: administrators manage accounts, deactivate only an active one other than their own, reactivate only a deactivated one', async () => {
    const read = (flag: 'setRoles' | 'resetPassword' | 'deactivate' | 'reactivate') => async (c: Client, id: string) => (await c.request(PersonFlagsDocument, { id })).data?.person?.viewerCan[flag];
    const checks = {
      setRoles: { usesUp: false, flag: read('setRoles'), send: (c: Client, id: string) => c.request(SetPersonRolesDocument, { input: { personId: id, roles: ['MENTOR' as const] } }) },
      resetPassword: { usesUp: false, flag: read('resetPassword'), send: (c: Client, id: string) => c.request(ResetPasswordDocument, { input: { personId: id, newPassword: 'a fresh passphrase for you' } }) },
      deactivate: { usesUp: true, flag: read('deactivate'), send: (c: Client, id: string) => c.request(DeactivatePersonDocument, { input: { personId: id } }) },
      reactivate: { usesUp: true, flag: read('reactivate'), send: (c: Client, id: string) => c.request(ReactivatePersonDocument, { input: { personId: id } }) },
    };
    const active = poolOf(async () => (await person(app(), ['MENTOR'])).id);
    const deactivated = poolOf(async () => {
      const { id } = await person(app(), ['MENTOR']);
      await succeeds(cast.admin.request(DeactivatePersonDocument, { input: { personId: id } }));
      return id;
    });
    const self = poolOf(async () => (await cast.admin.data(ViewerDocument)).viewer!.id);
    expect({
      setRoles: await whoMay(active, checks.setRoles),
      resetPassword: await whoMay(active, checks.resetPassword),
      reactivateActive: await whoMay(active, checks.reactivate),
      deactivate: await whoMay(active, checks.deactivate),
      deactivateDeactivated: await whoMay(deactivated, checks.deactivate),
      reactivate: await whoMay(deactivated, checks.reactivate),
      deactivateSelf: await whoMay(self, checks.deactivate),
    }).toEqual({
      setRoles: ['admin'],
      resetPassword: ['admin'],
      reactivateActive: NOBODY,
      deactivate: ['admin'],
      deactivateDeactivated: NOBODY,
      reactivate: ['admin'],
      deactivateSelf: NOBODY,
    });
  }, 120_000);
});
