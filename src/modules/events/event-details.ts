import { Field, Float, ID, Int, InterfaceType, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { CoachingMode } from '../coaching/coaching-session.entity.js';
import { DecisionOutcome } from '../decisions/decision.entity.js';
import { GUARDS } from '../lifecycle/guards.js';
import { ProjectAction, type GuardName } from '../lifecycle/project-status.machine.js';
import { AggregationRule, Grade } from '../programs/program.entity.js';
import { RoundKind } from '../reviews/review-round.entity.js';
import { RiskLevel, VisitKind } from '../supervision/supervision-visit.entity.js';
import { EventType } from './lifecycle-event.entity.js';

/*
 * The typed read side of `LifecycleEvent.details`. The stored JSON keeps its shape; each event type's
 * class names the keys it exposes, and a `name` option where the GraphQL field says more than the
 * stored key (a count, which kind). A field name means one thing with one type in every details
 * type, so one selection over the whole union never conflicts. Money is yuan (Float), as everywhere.
 */

/** The lifecycle's preconditions, named as in the guards table, so a new guard is a new value. */
const Precondition = Object.fromEntries(Object.keys(GUARDS).map((name) => [name, name])) as { [Name in GuardName]: Name };
/** A Record over every guard, so a new one does not compile until clients are told what it means. */
const PRECONDITION_DESCRIPTIONS: Record<GuardName, string> = {
  HAS_REVISION: 'A revision of the proposal has been saved.',
  PROGRAM_OPEN: 'The programme takes applications now.',
  HAS_EVALUATORS: 'The programme’s minimum of evaluators without a conflict is assigned.',
  ENOUGH_SCORECARDS: 'The minimum of submitted, counted scorecards is in (an administrator may proceed without).',
  CONDITIONS_MET: 'Every condition of the approval is met.',
  NO_CLOSING_BLOCKERS: 'No open follow-ups or unaccepted reports (staff may proceed with a reason).',
  HAS_CLOSING_SCORECARD: 'At least one closing scorecard is in (no override: a grade needs a score).',
  CLOSING_REVIEW_COMPLETE: 'The minimum of closing scorecards is in (an administrator may proceed without).',
};
registerEnumType(Precondition, {
  name: 'Precondition',
  description: 'A named precondition of a lifecycle step (see the status machine).',
  valuesConfig: Object.fromEntries(Object.entries(PRECONDITION_DESCRIPTIONS).map(([name, description]) => [name, { description }])),
});

@ObjectType({ description: 'A precondition that was not met, and why staff or an administrator proceeded anyway.' })
export class PreconditionOverride {
  @Field(() => Precondition, { name: 'precondition', description: 'The precondition proceeded past.' }) guard!: GuardName;
  @Field(() => String, { description: 'Why, as recorded.' }) reason!: string;
}

@InterfaceType({ description: 'Details of a status change made through the lifecycle table.', resolveType: (value: object) => value.constructor.name })
export abstract class TransitionDetails {
  @Field(() => ProjectAction, { description: 'The lifecycle step taken.' }) action!: ProjectAction;
  @Field(() => String, { nullable: true, description: 'Why, where the step takes a reason (withdrawal, termination, an override).' })
  reason?: string | null;
  @Field(() => [PreconditionOverride], { description: 'Preconditions proceeded past with a reason; usually none.' })
  overrides: PreconditionOverride[] = [];
  @Field(() => Int, { nullable: true, description: 'The revision the step concerns: the one submitted (SUBMIT) or decided on.' })
  revisionNumber?: number | null;
}

@ObjectType({ description: 'PROJECT_CREATED: an applicant created the project.' })
export class ProjectCreatedDetails {
  @Field(() => String, { description: 'The project’s title as created.' }) title!: string;
}

@ObjectType({ description: 'REVISION_SAVED: a new revision of the proposal.' })
export class RevisionSavedDetails {
  @Field(() => ID, { description: 'The ProposalRevision saved.' }) revisionId!: string;
  @Field(() => Int, { description: 'The new revision’s number.' }) number!: number;
  @Field(() => [ID], { description: 'The coaching sessions the revision answers.' }) answersSessionIds: string[] = [];
}

@ObjectType({ implements: TransitionDetails, description: 'STATUS_CHANGED: any status change but a decision.' })
export class StatusChangedDetails extends TransitionDetails {
  @Field(() => ID, { nullable: true, name: 'reviewRoundId', description: 'START_REVIEW: the round the review started in.' })
  roundId?: string | null;
  @Field(() => Float, { nullable: true, description: 'CLOSE: the closing score.' }) score?: number | null;
  @Field(() => AggregationRule, { nullable: true, description: 'CLOSE: how the closing scorecards were aggregated.' }) rule?: AggregationRule | null;
  @Field(() => Grade, { nullable: true, description: 'CLOSE: the grade the score earned.' }) grade?: Grade | null;
}

@ObjectType({ implements: TransitionDetails, description: 'DECISION_RECORDED: the outcome, and the status change it made.' })
export class DecisionRecordedDetails extends TransitionDetails {
  @Field(() => DecisionOutcome, { description: 'What was decided.' }) outcome!: DecisionOutcome;
  @Field(() => Float, { nullable: true, description: 'Yuan; approvals only.' }) grantAmount?: number | null;
}

@ObjectType({ description: 'TEAM_ASSIGNED: staff set the lead staff member or the mentors.' })
export class TeamAssignedDetails {
  @Field(() => ID, { nullable: true, description: 'The lead staff member after the change; null for none.' }) leadStaffId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The mentors after the change; null when they were left as they were.' }) mentorIds?: string[] | null;
}

@ObjectType({ description: 'COACHING_LOGGED: a coaching session with its action items.' })
export class CoachingLoggedDetails {
  @Field(() => ID, { description: 'The CoachingSession logged.' }) sessionId!: string;
  @Field(() => CoachingMode, { description: 'On site, online or by phone.' }) mode!: CoachingMode;
  @Field(() => Int, { description: 'How long the session took.' }) durationMinutes!: number;
  @Field(() => Int, { name: 'actionItemCount', description: 'How many action items it set.' }) actionItems!: number;
}

@ObjectType({ description: 'ACTION_ITEM_UPDATED: an action item ticked done or reopened.' })
export class ActionItemUpdatedDetails {
  @Field(() => ID, { description: 'The ActionItem.' }) actionItemId!: string;
  @Field(() => Boolean, { description: 'Ticked done (true) or reopened (false).' }) done!: boolean;
}

/** The assignment events' common facts: which round, which scorecard. */
@ObjectType()
abstract class AssignmentEventDetails {
  @Field(() => ID, { description: 'The ReviewRound.' }) roundId!: string;
  @Field(() => ID, { description: 'The ReviewAssignment (scorecard).' }) assignmentId!: string;
}

@ObjectType({ description: 'EVALUATOR_ASSIGNED: an evaluator given a scorecard to fill in.' })
export class EvaluatorAssignedDetails extends AssignmentEventDetails {
  @Field(() => RoundKind, { name: 'roundKind', description: 'A proposal or a closing review.' }) kind!: RoundKind;
}

@ObjectType({ description: 'ASSIGNMENT_RECUSED: an evaluator declared a conflict of interest.' })
export class AssignmentRecusedDetails extends AssignmentEventDetails {}

@ObjectType({ description: 'SCORECARD_SUBMITTED: a scorecard made final; the progress only for those who may see the review (`proposalReview`).' })
export class ScorecardSubmittedDetails extends AssignmentEventDetails {
  @Field(() => Int, { nullable: true, description: 'Scorecards in, this one included.' }) submitted?: number | null;
  @Field(() => Int, { nullable: true, description: 'Scorecards expected (evaluators not recused).' }) expected?: number | null;
}

@ObjectType({ description: 'REVIEW_COMPLETED: a round’s last counted scorecard came in; the result only for those who may see the review (`proposalReview`).' })
export class ReviewCompletedDetails {
  @Field(() => ID, { description: 'The ReviewRound.' }) roundId!: string;
  @Field(() => RoundKind, { name: 'roundKind', description: 'A proposal or a closing review.' }) kind!: RoundKind;
  @Field(() => AggregationRule, { nullable: true, description: 'How the scorecards were aggregated.' }) rule?: AggregationRule | null;
  @Field(() => Float, { nullable: true, description: 'The round’s score, 0 to 100.' }) score?: number | null;
  @Field(() => [ID], { nullable: true, description: 'The scorecards (ReviewAssignment) the score is made of.' }) counted?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'The scorecards a trimmed mean left out.' }) dropped?: string[] | null;
}

@ObjectType({ description: 'CONDITION_MET: a condition of approval met.' })
export class ConditionMetDetails {
  @Field(() => ID, { description: 'The DecisionCondition.' }) conditionId!: string;
  @Field(() => String, { description: 'The condition’s terms.' }) text!: string;
}

@ObjectType({ description: 'VISIT_LOGGED: a supervision visit with its follow-ups.' })
export class VisitLoggedDetails {
  @Field(() => ID, { description: 'The SupervisionVisit.' }) visitId!: string;
  @Field(() => VisitKind, { name: 'visitKind', description: 'Site visit, online check or activity observation.' }) kind!: VisitKind;
  @Field(() => RiskLevel, { description: 'The risk the visitor saw.' }) riskLevel!: RiskLevel;
  @Field(() => Int, { name: 'followUpCount', description: 'How many follow-ups it set.' }) followUps!: number;
}

@ObjectType({ description: 'FOLLOW_UP_CLOSED: a visit’s follow-up resolved.' })
export class FollowUpClosedDetails {
  @Field(() => ID, { description: 'The FollowUp.' }) followUpId!: string;
  @Field(() => ID, { description: 'The SupervisionVisit that set it.' }) visitId!: string;
}

/** The report events' common facts. */
@ObjectType()
abstract class ReportEventDetails {
  @Field(() => ID, { description: 'The ServiceReport.' }) reportId!: string;
  @Field(() => String, { description: 'The month reported, YYYY-MM.' }) period!: string;
}

@ObjectType({ description: 'REPORT_SUBMITTED: a monthly service report sent in.' })
export class ReportSubmittedDetails extends ReportEventDetails {
  @Field(() => Boolean, { description: 'A returned report sent again.' }) resubmission!: boolean;
}

@ObjectType({ description: 'REPORT_ACCEPTED: staff accepted a service report.' })
export class ReportAcceptedDetails extends ReportEventDetails {
  @Field(() => String, { nullable: true, description: 'A remark staff gave with the acceptance.' }) reason?: string | null;
}

@ObjectType({ description: 'REPORT_RETURNED: staff sent a service report back.' })
export class ReportReturnedDetails extends ReportEventDetails {
  @Field(() => String, { name: 'returnReason', description: 'What must be corrected.' }) reason!: string;
}

/** The one place an event type meets its details type. */
const DETAILS_TYPES = {
  [EventType.PROJECT_CREATED]: ProjectCreatedDetails,
  [EventType.REVISION_SAVED]: RevisionSavedDetails,
  [EventType.STATUS_CHANGED]: StatusChangedDetails,
  [EventType.TEAM_ASSIGNED]: TeamAssignedDetails,
  [EventType.COACHING_LOGGED]: CoachingLoggedDetails,
  [EventType.ACTION_ITEM_UPDATED]: ActionItemUpdatedDetails,
  [EventType.EVALUATOR_ASSIGNED]: EvaluatorAssignedDetails,
  [EventType.ASSIGNMENT_RECUSED]: AssignmentRecusedDetails,
  [EventType.SCORECARD_SUBMITTED]: ScorecardSubmittedDetails,
  [EventType.REVIEW_COMPLETED]: ReviewCompletedDetails,
  [EventType.DECISION_RECORDED]: DecisionRecordedDetails,
  [EventType.CONDITION_MET]: ConditionMetDetails,
  [EventType.VISIT_LOGGED]: VisitLoggedDetails,
  [EventType.FOLLOW_UP_CLOSED]: FollowUpClosedDetails,
  [EventType.REPORT_SUBMITTED]: ReportSubmittedDetails,
  [EventType.REPORT_ACCEPTED]: ReportAcceptedDetails,
  [EventType.REPORT_RETURNED]: ReportReturnedDetails,
} satisfies Record<EventType, new () => object>;

export const EventDetails = createUnionType({
  name: 'EventDetails',
  description: 'What an event records, typed by its event type: `... on ScorecardSubmittedDetails { submitted expected }`.',
  types: () => Object.values(DETAILS_TYPES),
  resolveType: (value) => value.constructor.name,
});

/** The details a viewer may see (already filtered by event.permissions), as the event type's object. */
export function typedEventDetails(type: EventType, details: Record<string, unknown>): InstanceType<(typeof DETAILS_TYPES)[EventType]> {
  return Object.assign(new DETAILS_TYPES[type](), details);
}
