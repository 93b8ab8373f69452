import { ArgsType, Field, Float, InterfaceType, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { ConnectionType, connectionDescription, PageArgs } from '../../shared/connection.js';
import { Payload } from '../../shared/mutation.js';
import { Project } from './project.entity.js';
import { ProjectFilter } from './project.filter.js';
import { Activity, BudgetLine, IndicatorTarget, ProposalRevision, TeamMember } from './proposal-revision.entity.js';
import type { FieldChange, ItemChange, ListField } from './revision-compare.js';

@ObjectType({ description: connectionDescription(Project) })
export class ProjectConnection extends ConnectionType(Project) {}

export enum ProjectOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
  TITLE = 'TITLE',
}
registerEnumType(ProjectOrder, {
  name: 'ProjectOrder',
  description: 'How a list of projects is ordered.',
  valuesConfig: {
    NEWEST_FIRST: { description: 'The most recently created first.' },
    OLDEST_FIRST: { description: 'The earliest created first.' },
    RECENTLY_UPDATED: { description: 'The most recently changed first (a revision, a status, the team, a visit or report). A project changed while you page moves: it may show again or be passed.' },
    TITLE: { description: 'By title, A to Z (in the database’s collation).' },
  },
});

@ArgsType()
export class ProjectPageArgs extends PageArgs {
  @Field(() => ProjectOrder, { defaultValue: ProjectOrder.NEWEST_FIRST, description: 'How to order the projects; cursors only work in the order that gave them out.' })
  order!: ProjectOrder;

  @Field(() => ProjectFilter, { nullable: true, description: 'Only the projects matching every filter given; cursors only work with the filter that gave them out.' })
  filter?: ProjectFilter | null;
}

@ObjectType({ description: connectionDescription(ProposalRevision) })
export class ProposalRevisionConnection extends ConnectionType(ProposalRevision) {}

@ObjectType({ description: 'The result of a mutation on a project.' })
export class ProjectPayload extends Payload {
  @Field(() => Project, { nullable: true, description: 'The project as changed; null when there are user errors.' }) project?: Project | null;
}

@ObjectType({ description: 'The result of saving a revision.' })
export class SaveRevisionPayload extends Payload {
  @Field(() => Project, { nullable: true, description: 'The project, with the new revision as current; null when there are user errors.' }) project?: Project | null;
  @Field(() => ProposalRevision, { nullable: true, description: 'The new revision; null when there are user errors.' }) revision?: ProposalRevision | null;
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
registerEnumType(RevisionField, {
  name: 'RevisionField',
  description: 'A comparable field of a proposal revision.',
  valuesConfig: {
    SUMMARY: { description: 'The summary (text).' },
    NEEDS: { description: 'The needs analysis (text).' },
    OBJECTIVES: { description: 'The objectives (a list of texts).' },
    ACTIVITY_PLAN: { description: 'The activity plan (activities by title).' },
    BENEFICIARIES: { description: 'Who benefits (text).' },
    INDICATOR_TARGETS: { description: 'The indicator targets (by name).' },
    BUDGET_LINES: { description: 'The budget lines (by item).' },
    REQUESTED_AMOUNT: { description: 'The requested amount (yuan).' },
    TEAM: { description: 'The team (members by name); withheld under blind review.' },
  },
});

export enum ChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What happened to an item of a list from one revision to the next.',
  valuesConfig: {
    ADDED: { description: 'Only in the later revision.' },
    REMOVED: { description: 'Only in the earlier revision.' },
    CHANGED: { description: 'In both, edited: see `changedProperties`.' },
  },
});

/*
 * Typed values, named by kind where they are scalars (beforeText, beforeAmount) and plain before /
 * after where they are objects, so one selection over every kind of change never conflicts.
 */

@InterfaceType({
  description: 'An item of a list field that was added, removed or changed: see the README for how items are matched.',
  resolveType: (item: ItemChange) => ITEM_CHANGE_TYPES[item.field],
})
export abstract class RevisionItemChange {
  @Field(() => ChangeKind, { description: 'Added, removed or changed.' }) change!: ChangeKind;
  @Field(() => String, { description: 'The objective itself, or the activity title, indicator name, budget item or team member name; the later one for CHANGED.' }) key!: string;
  @Field(() => [String], { description: 'For CHANGED items, the properties that differ (an objective’s is `text`).' }) changedProperties!: string[];
}

@ObjectType({ implements: RevisionItemChange, description: 'An objective added, removed or edited.' })
export class ObjectiveChange extends RevisionItemChange {
  @Field(() => String, { nullable: true, name: 'beforeText', description: 'The objective before; null when ADDED.' }) before!: string | null;
  @Field(() => String, { nullable: true, name: 'afterText', description: 'The objective after; null when REMOVED.' }) after!: string | null;
}

/** A change to an item that is an object of its own (an activity, a budget line…): it is `before` and `after`. */
function ObjectItemChange<T extends object>(item: ClassType<T>) {
  @ObjectType()
  abstract class ObjectChange extends RevisionItemChange {
    @Field(() => item, { nullable: true, description: 'The item before; null when ADDED.' }) before!: T | null;
    @Field(() => item, { nullable: true, description: 'The item after; null when REMOVED.' }) after!: T | null;
  }
  return ObjectChange;
}

@ObjectType({ implements: RevisionItemChange, description: 'An activity of the plan added, removed or changed.' })
export class ActivityChange extends ObjectItemChange(Activity) {}

@ObjectType({ implements: RevisionItemChange, description: 'An indicator target added, removed or changed.' })
export class IndicatorTargetChange extends ObjectItemChange(IndicatorTarget) {}

@ObjectType({ implements: RevisionItemChange, description: 'A budget line added, removed or changed.' })
export class BudgetLineChange extends ObjectItemChange(BudgetLine) {}

@ObjectType({ implements: RevisionItemChange, description: 'A team member added, removed or given another role.' })
export class TeamMemberChange extends ObjectItemChange(TeamMember) {}

const ITEM_CHANGE_TYPES: Record<ListField, ClassType> = {
  objectives: ObjectiveChange,
  activityPlan: ActivityChange,
  indicatorTargets: IndicatorTargetChange,
  budgetLines: BudgetLineChange,
  team: TeamMemberChange,
};
export const REVISION_ITEM_CHANGE_TYPES = Object.values(ITEM_CHANGE_TYPES);

@InterfaceType({ description: 'One field that differs between two revisions.', resolveType: (change: FieldChange) => FIELD_CHANGE_TYPES[change.kind] })
export abstract class RevisionFieldChange {
  @Field(() => RevisionField, { description: 'Which field of the revision.' }) field!: RevisionField;
}

@ObjectType({ implements: RevisionFieldChange, description: 'Summary, needs or beneficiaries.' })
export class TextFieldChange extends RevisionFieldChange {
  @Field(() => String, { name: 'beforeText', description: 'The earlier text.' }) before!: string;
  @Field(() => String, { name: 'afterText', description: 'The later text.' }) after!: string;
}

@ObjectType({ implements: RevisionFieldChange, description: 'The requested amount, in yuan.' })
export class AmountFieldChange extends RevisionFieldChange {
  @Field(() => Float, { name: 'beforeAmount', description: 'The earlier amount, yuan.' }) before!: number;
  @Field(() => Float, { name: 'afterAmount', description: 'The later amount, yuan.' }) after!: number;
}

@ObjectType({ implements: RevisionFieldChange, description: 'Objectives, activity plan, indicator targets, budget lines or team.' })
export class ListFieldChange extends RevisionFieldChange {
  @Field(() => [RevisionItemChange], { description: 'The items added, removed or changed: earlier items in order, then the added ones.' }) items!: RevisionItemChange[];
}

const FIELD_CHANGE_TYPES: Record<FieldChange['kind'], ClassType> = { TEXT: TextFieldChange, AMOUNT: AmountFieldChange, LIST: ListFieldChange };

@ObjectType({ description: 'What differs between two revisions of one project, field by field, in a fixed field order.' })
export class RevisionComparison {
  @Field(() => ProposalRevision, { description: 'The revision compared from (its values are the `before` ones).' }) from!: ProposalRevision;
  @Field(() => ProposalRevision, { description: 'The revision compared to (its values are the `after` ones).' }) to!: ProposalRevision;
  @Field(() => [RevisionFieldChange], { description: 'Empty when the two revisions say the same.' }) changes!: RevisionFieldChange[];
}

