import { registerEnumType } from 'type-graphql';
import { ProjectStatus } from '../projects/project.entity.js';

/** Everything that moves a project from one status to another. */
export enum ProjectAction {
  SAVE_REVISION = 'SAVE_REVISION',
  SUBMIT = 'SUBMIT',
  WITHDRAW = 'WITHDRAW',
  START_REVIEW = 'START_REVIEW',
  APPROVE = 'APPROVE',
  APPROVE_WITH_CONDITIONS = 'APPROVE_WITH_CONDITIONS',
  REQUEST_REVISION = 'REQUEST_REVISION',
  REJECT = 'REJECT',
  MEET_CONDITIONS = 'MEET_CONDITIONS',
  START_DELIVERY = 'START_DELIVERY',
  OPEN_CLOSING = 'OPEN_CLOSING',
  CLOSE = 'CLOSE',
  TERMINATE = 'TERMINATE',
}
registerEnumType(ProjectAction, {
  name: 'ProjectAction',
  description: 'A step of the project lifecycle.',
  valuesConfig: {
    SAVE_REVISION: { description: 'DRAFT, SUBMITTED or REVISION_REQUESTED → DRAFT: the applicant saves a new revision (saveRevision).' },
    SUBMIT: { description: 'DRAFT → SUBMITTED: the applicant submits the current revision while the programme is open (submitProject).' },
    WITHDRAW: { description: 'DRAFT, SUBMITTED or REVISION_REQUESTED → WITHDRAWN, by the applicant or staff (withdrawProject).' },
    START_REVIEW: { description: 'SUBMITTED → UNDER_REVIEW: the first evaluator assignment starts the review (assignEvaluators).' },
    APPROVE: { description: 'UNDER_REVIEW → APPROVED, by staff (recordDecision).' },
    APPROVE_WITH_CONDITIONS: { description: 'UNDER_REVIEW → CONDITIONALLY_APPROVED, by staff (recordDecision).' },
    REQUEST_REVISION: { description: 'UNDER_REVIEW → REVISION_REQUESTED, by staff (recordDecision).' },
    REJECT: { description: 'UNDER_REVIEW → REJECTED, by staff (recordDecision).' },
    MEET_CONDITIONS: { description: 'CONDITIONALLY_APPROVED → APPROVED when staff mark the last condition met (markConditionMet).' },
    START_DELIVERY: { description: 'APPROVED → IN_PROGRESS, by staff (startProjectDelivery).' },
    OPEN_CLOSING: { description: 'IN_PROGRESS → CLOSING_REVIEW, by staff; blockers need a reason (openProjectClosing).' },
    CLOSE: { description: 'CLOSING_REVIEW → CLOSED with the grade the closing score earns, by staff (closeProject).' },
    TERMINATE: { description: 'IN_PROGRESS → TERMINATED, by staff, with a reason (terminateProject).' },
  },
});

/** Who fires a transition: a member of the applicant organisation, or incubator staff (admins included). */
export type Actor = 'APPLICANT' | 'STAFF';

/** Preconditions, by name; `guards.ts` says how each is checked and who may override it. */
export type GuardName =
  | 'HAS_REVISION'
  | 'PROGRAM_OPEN'
  | 'HAS_EVALUATORS'
  | 'ENOUGH_SCORECARDS'
  | 'CONDITIONS_MET'
  | 'NO_CLOSING_BLOCKERS'
  | 'HAS_CLOSING_SCORECARD'
  | 'CLOSING_REVIEW_COMPLETE';

export interface Transition {
  action: ProjectAction;
  from: readonly ProjectStatus[];
  to: ProjectStatus;
  by: readonly Actor[];
  guards: readonly GuardName[];
  /** The mutation that takes the step: what messages and clients call it. */
  mutation: string;
}

const S = ProjectStatus;
const decision = (action: ProjectAction, to: ProjectStatus): Transition => ({
  action, from: [S.UNDER_REVIEW], to, by: ['STAFF'], guards: ['ENOUGH_SCORECARDS'], mutation: 'recordDecision',
});

/**
 * The project lifecycle as data: every status change there is, who may make it, and what it needs.
 * Services never set a status themselves; they fire an action through `lifecycle.service.ts`.
 */
export const TRANSITIONS: readonly Transition[] = [
  // A new revision reopens the draft: a submitted or returned proposal that changes is submitted again.
  { action: ProjectAction.SAVE_REVISION, from: [S.DRAFT, S.SUBMITTED, S.REVISION_REQUESTED], to: S.DRAFT, by: ['APPLICANT'], guards: [], mutation: 'saveRevision' },
  { action: ProjectAction.SUBMIT, from: [S.DRAFT], to: S.SUBMITTED, by: ['APPLICANT'], guards: ['HAS_REVISION', 'PROGRAM_OPEN'], mutation: 'submitProject' },
  { action: ProjectAction.WITHDRAW, from: [S.DRAFT, S.SUBMITTED, S.REVISION_REQUESTED], to: S.WITHDRAWN, by: ['APPLICANT', 'STAFF'], guards: [], mutation: 'withdrawProject' },
  // The first evaluator assignment starts the review.
  { action: ProjectAction.START_REVIEW, from: [S.SUBMITTED], to: S.UNDER_REVIEW, by: ['STAFF'], guards: ['HAS_EVALUATORS'], mutation: 'assignEvaluators' },
  decision(ProjectAction.APPROVE, S.APPROVED),
  decision(ProjectAction.APPROVE_WITH_CONDITIONS, S.CONDITIONALLY_APPROVED),
  decision(ProjectAction.REQUEST_REVISION, S.REVISION_REQUESTED),
  decision(ProjectAction.REJECT, S.REJECTED),
  // Marking the last condition met approves the project.
  { action: ProjectAction.MEET_CONDITIONS, from: [S.CONDITIONALLY_APPROVED], to: S.APPROVED, by: ['STAFF'], guards: ['CONDITIONS_MET'], mutation: 'markConditionMet' },
  { action: ProjectAction.START_DELIVERY, from: [S.APPROVED], to: S.IN_PROGRESS, by: ['STAFF'], guards: [], mutation: 'startProjectDelivery' },
  { action: ProjectAction.OPEN_CLOSING, from: [S.IN_PROGRESS], to: S.CLOSING_REVIEW, by: ['STAFF'], guards: ['NO_CLOSING_BLOCKERS'], mutation: 'openProjectClosing' },
  { action: ProjectAction.CLOSE, from: [S.CLOSING_REVIEW], to: S.CLOSED, by: ['STAFF'], guards: ['HAS_CLOSING_SCORECARD', 'CLOSING_REVIEW_COMPLETE'], mutation: 'closeProject' },
  { action: ProjectAction.TERMINATE, from: [S.IN_PROGRESS], to: S.TERMINATED, by: ['STAFF'], guards: [], mutation: 'terminateProject' },
];

export function transitionFor(action: ProjectAction): Transition {
  const transition = TRANSITIONS.find((t) => t.action === action);
  if (!transition) throw new Error(`No transition for ${action}`);
  return transition;
}

/** The actions possible from a status for the given kinds of actor, in table order. */
export function actionsFrom(status: ProjectStatus, actors: readonly Actor[]): ProjectAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.by.some((by) => actors.includes(by))).map((t) => t.action);
}

/** The statuses reachable in one step, for the given kinds of actor. */
export function nextStatusesFrom(status: ProjectStatus, actors: readonly Actor[]): ProjectStatus[] {
  const targets = TRANSITIONS.filter((t) => t.from.includes(status) && t.to !== status && t.by.some((by) => actors.includes(by))).map((t) => t.to);
  return [...new Set(targets)];
}

/** The mutations that take the given kinds of actor on from a status, each once: for messages that say what is possible. */
export function mutationsFrom(status: ProjectStatus, actors: readonly Actor[]): string[] {
  return [...new Set(actionsFrom(status, actors).map((action) => transitionFor(action).mutation))];
}
