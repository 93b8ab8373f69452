import { BigIntType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project, ProjectStatus } from '../projects/project.entity.js';
import { Place } from '../places/place.entity.js';

export enum EventType {
  PROJECT_CREATED = 'PROJECT_CREATED',
  REVISION_SAVED = 'REVISION_SAVED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  TEAM_ASSIGNED = 'TEAM_ASSIGNED',
  COACHING_LOGGED = 'COACHING_LOGGED',
  ACTION_ITEM_UPDATED = 'ACTION_ITEM_UPDATED',
  EVALUATOR_ASSIGNED = 'EVALUATOR_ASSIGNED',
  ASSIGNMENT_RECUSED = 'ASSIGNMENT_RECUSED',
  SCORECARD_SUBMITTED = 'SCORECARD_SUBMITTED',
  REVIEW_COMPLETED = 'REVIEW_COMPLETED',
  DECISION_RECORDED = 'DECISION_RECORDED',
  CONDITION_MET = 'CONDITION_MET',
  VISIT_LOGGED = 'VISIT_LOGGED',
  FOLLOW_UP_CLOSED = 'FOLLOW_UP_CLOSED',
  REPORT_SUBMITTED = 'REPORT_SUBMITTED',
  REPORT_ACCEPTED = 'REPORT_ACCEPTED',
  REPORT_RETURNED = 'REPORT_RETURNED',
}
registerEnumType(EventType, {
  name: 'EventType',
  description: 'What happened to a project; each type has its own `details` type.',
  valuesConfig: {
    PROJECT_CREATED: { description: 'The project was started (ProjectCreatedDetails).' },
    REVISION_SAVED: { description: 'A new revision of the proposal was saved (RevisionSavedDetails).' },
    STATUS_CHANGED: { description: 'A lifecycle step other than a decision changed the status (StatusChangedDetails).' },
    TEAM_ASSIGNED: { description: 'Staff assigned the lead staff member and mentors (TeamAssignedDetails).' },
    COACHING_LOGGED: { description: 'A coaching session was logged (CoachingLoggedDetails).' },
    ACTION_ITEM_UPDATED: { description: 'An action item was marked done or reopened (ActionItemUpdatedDetails).' },
    EVALUATOR_ASSIGNED: { description: 'An evaluator was assigned in a review round (EvaluatorAssignedDetails); not shown to applicants.' },
    ASSIGNMENT_RECUSED: { description: 'An evaluator declared a conflict of interest (AssignmentRecusedDetails); not shown to applicants.' },
    SCORECARD_SUBMITTED: { description: 'An evaluator submitted a scorecard (ScorecardSubmittedDetails); not shown to applicants.' },
    REVIEW_COMPLETED: { description: 'The last counted scorecard of a round came in and the review has its score (ReviewCompletedDetails).' },
    DECISION_RECORDED: { description: 'Staff recorded the decision, with its status change (DecisionRecordedDetails).' },
    CONDITION_MET: { description: 'A condition of a conditional approval was marked met (ConditionMetDetails).' },
    VISIT_LOGGED: { description: 'A supervision visit was logged (VisitLoggedDetails).' },
    FOLLOW_UP_CLOSED: { description: 'A follow-up of a visit was closed (FollowUpClosedDetails).' },
    REPORT_SUBMITTED: { description: 'A service report was submitted or resubmitted (ReportSubmittedDetails).' },
    REPORT_ACCEPTED: { description: 'Staff accepted a service report (ReportAcceptedDetails).' },
    REPORT_RETURNED: { description: 'Staff returned a service report with a reason (ReportReturnedDetails).' },
  },
});

/**
 * The append-only audit trail: every status change and notable act, written in the same
 * transaction as the change it records. `position` orders events globally and never repeats.
 */
@ObjectType({ implements: Node, description: 'Something that happened to a project: who, when, and what changed.' })
@Entity({ tableName: 'lifecycle_event' })
@Index({ properties: ['project', 'position'] })
// When each project entered delivery, from which the attention views count the months it owes reports.
@Index({ name: 'lifecycle_event_delivery_index', expression: `create index "lifecycle_event_delivery_index" on "lifecycle_event" ("project_id", "created_at") where to_status = 'IN_PROGRESS'` })
// The operations report: each project's events in a period, read from the index alone (migrations/Migration20261201130000.ts), and its closings.
@Index({ name: 'lifecycle_event_project_id_created_at_index', expression: 'create index "lifecycle_event_project_id_created_at_index" on "lifecycle_event" ("project_id", "created_at") include ("type", "to_status")' })
@Index({ name: 'lifecycle_event_closed_index', expression: `create index "lifecycle_event_closed_index" on "lifecycle_event" ("project_id", "created_at") where to_status = 'CLOSED'` })
export class LifecycleEvent extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @Property({ type: new BigIntType('number'), autoincrement: true, unique: true })
  position!: number & Opt;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict' })
  project!: Ref<Project>;

  @Field(() => EventType, { description: 'What happened.' })
  @Enum({ items: () => EventType })
  type!: EventType;

  /** Who did it; null for acts of the system. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  actor?: Ref<Person> | null;

  /** The evaluator an assignment or scorecard event concerns: decides who may see the event. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  evaluator?: Ref<Person> | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'The status before, for events that changed it; null otherwise.' })
  @Enum({ items: () => ProjectStatus, nullable: true })
  fromStatus?: ProjectStatus | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'The status after, for events that changed it; null otherwise.' })
  @Enum({ items: () => ProjectStatus, nullable: true })
  toStatus?: ProjectStatus | null;

  /** Facts about the event (ids, amounts, reasons); what a viewer sees of them is filtered. */
  @Property({ type: 'json' })
  details: Record<string, unknown> & Opt = {};
}
