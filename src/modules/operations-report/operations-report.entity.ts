import { Check, Entity, Enum, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import type { ReportFigures } from './report-figures.js';

export enum ReportPeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(ReportPeriodKind, {
  name: 'ReportPeriodKind',
  description: 'How long a period an operations report covers.',
  valuesConfig: { MONTH: { description: '月度: a calendar month.' }, QUARTER: { description: '季度: a calendar quarter.' }, YEAR: { description: '年度: a calendar year.' } },
});

/** A narrative section staff write: a heading and plain text (paragraphs split on blank lines). */
export interface NarrativeSection {
  heading: string;
  body: string;
}

/**
 * The working copy of an operations report (运营工作报告) of a park, or of a district, for a period:
 * what staff have written. Its figures are computed from the data whenever it is read; issuing it
 * freezes them, with the sections, as a numbered version.
 */
@ObjectType({ description: 'An operations report (运营工作报告) of a park or a district for a month, quarter or year: its figures are computed from the data; staff add narrative sections and issue numbered versions.' })
@Entity({ tableName: 'operations_report' })
@Check({ name: 'operations_report_period_start', expression: "period_start ~ '^[0-9]{4}-[0-9]{2}-01$'" })
@Unique({ name: 'operations_report_scope_period_unique', expression: 'create unique index "operations_report_scope_period_unique" on "operations_report" ("district_id", "park_id", "period_kind", "period_start") nulls not distinct' })
export class OperationsReport extends BaseEntity {
  @ManyToOne(() => Place, { ref: true, deleteRule: 'restrict' })
  district!: Ref<Place>;

  /** Null: the report of the whole district. */
  @ManyToOne(() => Park, { ref: true, nullable: true, deleteRule: 'restrict' })
  park?: Ref<Park> | null;

  @Field(() => ReportPeriodKind, { description: 'Month, quarter or year.' })
  @Enum({ items: () => ReportPeriodKind })
  periodKind!: ReportPeriodKind;

  /** The first day of the period, YYYY-MM-DD (China Standard Time). */
  @Property({ type: 'string', length: 10 })
  periodStart!: string;

  @Property({ type: 'json' })
  sections: NarrativeSection[] = [];

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  updatedBy?: Ref<Person> | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its sections were last saved.' })
  @Property({ type: 'timestamptz', nullable: true })
  updatedAt?: Date | null;

  @Property({ version: true, type: 'integer' })
  version: number & Opt = 1;
}

/** An issued version of a report: its figures and sections as they were, never changed again. */
@ObjectType({ implements: Node, description: 'An issued version of an operations report: numbered from 1, its figures and sections frozen; a correction is a new version.' })
@Entity({ tableName: 'operations_report_issue' })
@Unique({ properties: ['report', 'number'] })
@Check({ name: 'operations_report_issue_number', expression: 'number >= 1' })
export class IssuedOperationsReport extends BaseEntity {
  @ManyToOne(() => OperationsReport, { ref: true, deleteRule: 'restrict' })
  report!: Ref<OperationsReport>;

  /** The district key, copied from the report by the database on insert. */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @Field(() => Int, { description: 'Its version number: 1 for the first issue, then 2, 3… for corrections.' })
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json' })
  figures!: ReportFigures;

  @Property({ type: 'json' })
  sections!: NarrativeSection[];

  @Field(() => String, { nullable: true, description: 'What this version corrects, for a version after the first.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  issuedBy!: Ref<Person>;
}
