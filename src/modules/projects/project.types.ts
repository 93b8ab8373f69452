import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Project } from './project.entity.js';
import { ProposalRevision } from './proposal-revision.entity.js';

@ObjectType()
export class ProjectConnection extends ConnectionType(Project) {}

@ObjectType()
export class ProposalRevisionConnection extends ConnectionType(ProposalRevision) {}

@ObjectType()
export class ProjectPayload extends Payload {
  @Field(() => Project, { nullable: true }) project?: Project | null;
}

@ObjectType()
export class SaveRevisionPayload extends Payload {
  @Field(() => Project, { nullable: true }) project?: Project | null;
  @Field(() => ProposalRevision, { nullable: true }) revision?: ProposalRevision | null;
}

@ObjectType({ description: 'What the viewer may do with this project now; the same checks guard the mutations.' })
export class ProjectViewerCan {
  @Field(() => Boolean) saveRevision!: boolean;
  @Field(() => Boolean) submit!: boolean;
  @Field(() => Boolean) withdraw!: boolean;
  @Field(() => Boolean) assignTeam!: boolean;
}

export enum RevisionField {
  SUMMARY = 'summary',
  NEEDS = 'needs',
  OBJECTIVES = 'objectives',
  ACTIVITY_PLAN = 'activityPlan',
  BENEFICIARIES = 'beneficiaries',
  INDICATOR_TARGETS = 'indicatorTargets',
  BUDGET_LINES = 'budgetLines',
  REQUESTED_AMOUNT = 'requestedAmount',
  TEAM = 'team',
}
registerEnumType(RevisionField, { name: 'RevisionField', description: 'A comparable field of a proposal revision.' });

export enum ChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(ChangeKind, { name: 'ChangeKind' });

@ObjectType({ description: 'An item of a list field that was added, removed or changed, matched by its key.' })
export class RevisionItemChange {
  @Field(() => ChangeKind) change!: ChangeKind;
  @Field(() => String, { description: 'Budget line item, indicator name, activity title, team member name, or the objective itself.' }) key!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => [String], { description: 'For CHANGED items, the properties that differ.' }) changedProperties!: string[];
}

@ObjectType({ description: 'One field that differs between two revisions.' })
export class RevisionFieldChange {
  @Field(() => RevisionField) field!: RevisionField;
  @Field(() => String, { nullable: true, description: 'Plain fields: the earlier value.' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'Plain fields: the later value.' }) after!: string | null;
  @Field(() => [RevisionItemChange], { description: 'List fields: what was added, removed or changed.' }) items!: RevisionItemChange[];
}

@ObjectType()
export class RevisionComparison {
  @Field(() => ProposalRevision) from!: ProposalRevision;
  @Field(() => ProposalRevision) to!: ProposalRevision;
  @Field(() => [RevisionFieldChange], { description: 'Empty when the two revisions say the same.' }) changes!: RevisionFieldChange[];
}

