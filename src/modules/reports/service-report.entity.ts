import { Check, DecimalType, Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { Place } from '../places/place.entity.js';

export enum ReportStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'Where a service report stands in staff review.',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for staff to accept or return it.' },
    ACCEPTED: { description: 'Counted in the project’s progress.' },
    RETURNED: { description: 'Sent back with a reason; the applicant resubmits the same period.' },
  },
});

@ObjectType({ description: 'The actual figure for one of the approved revision’s indicators in a period.' })
export class IndicatorActual {
  @Field(() => String, { description: 'The indicator’s name, as in the approved revision (e.g. 服务人次).' }) name!: string;
  @Field(() => Float, { description: 'What was delivered in the period, in the indicator’s unit.' }) actual!: number;
}

/** A period's service report (月度服务资料): one per project and period, resubmitted in place when returned. */
@ObjectType({ implements: Node, description: 'A periodic service report (月度服务报告) and its review.' })
@Entity({ tableName: 'service_report' })
@Unique({ properties: ['project', 'period'] })
// The reports awaiting acceptance, by project (the attention view reportsAwaitingAcceptance).
@Index({ name: 'service_report_awaiting_index', expression: `create index "service_report_awaiting_index" on "service_report" ("project_id") where status = 'SUBMITTED'` })
// The service-reports export, newest first in keyset batches (migrations/Migration20261201130000.ts).
@Index({ name: 'service_report_submitted_at_id_index', expression: 'create index "service_report_submitted_at_id_index" on "service_report" ("submitted_at", "id")' })
@Check({ name: 'service_report_figures_valid', expression: 'sessions_held >= 0 and person_times >= 0 and volunteers >= 0 and volunteer_hours >= 0 and spending >= 0 and satisfaction_rate >= 0 and satisfaction_rate <= 100' })
@Check({ name: 'service_report_period_format', expression: `period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'` })
export class ServiceReport extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict' })
  project!: Ref<Project>;

  @Field(() => String, { description: 'The month reported, YYYY-MM.' })
  @Property({ type: 'string', length: 7 })
  period!: string;

  @Field(() => Int, { description: '活动场次' }) @Property({ type: 'integer' }) sessionsHeld!: number;
  @Field(() => Int, { description: '服务人次' }) @Property({ type: 'integer' }) personTimes!: number;
  @Field(() => Int, { description: '志愿者人数' }) @Property({ type: 'integer' }) volunteers!: number;
  @Field(() => Float, { description: '志愿服务时长 (hours)' })
  @Property({ type: new DecimalType('number'), precision: 10, scale: 1 })
  volunteerHours!: number;

  @Field(() => Float, { description: '满意度, percent 0–100.' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2 })
  satisfactionRate!: number;

  @Field(() => Float, { description: 'Spent in the period, yuan.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2 })
  spending!: number;

  @Field(() => String, { description: 'What was done in the period, in words.' }) @Property({ type: 'text' }) narrative!: string;

  @Field(() => [IndicatorActual], { description: 'The period’s actual for each indicator reported.' })
  @Property({ type: 'json' })
  indicatorActuals: IndicatorActual[] & Opt = [];

  @Field(() => ReportStatus, { description: 'Submitted, accepted or returned.' })
  @Enum({ items: () => ReportStatus })
  status: ReportStatus & Opt = ReportStatus.SUBMITTED;

  @Field(() => String, { nullable: true, description: 'Why staff returned it.' })
  @Property({ type: 'text', nullable: true })
  returnReason?: string | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  submittedBy!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { description: 'When it was last submitted (ISO 8601 instant, UTC).' })
  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  reviewedBy?: Ref<Person> | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When staff accepted or returned it (ISO 8601 instant, UTC); null while waiting.' })
  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt?: Date | null;
}
