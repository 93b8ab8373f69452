import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { readAsPlainRows } from '../../shared/loaders.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { FollowUp } from './follow-up.entity.js';
import { Place } from '../places/place.entity.js';

export enum VisitKind {
  SITE_VISIT = 'SITE_VISIT',
  ONLINE_CHECK = 'ONLINE_CHECK',
  ACTIVITY_OBSERVATION = 'ACTIVITY_OBSERVATION',
}
registerEnumType(VisitKind, {
  name: 'VisitKind',
  description: 'How a supervision visit was made: 实地走访 / 线上检查 / 活动观摩.',
  valuesConfig: {
    SITE_VISIT: { description: '实地走访: a visit on site.' },
    ONLINE_CHECK: { description: '线上检查: a check done online.' },
    ACTIVITY_OBSERVATION: { description: '活动观摩: observing one of the project’s activities.' },
  },
});

export enum RiskLevel {
  NORMAL = 'NORMAL',
  ATTENTION = 'ATTENTION',
  WARNING = 'WARNING',
}
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'The risk a supervision visit found: 正常 / 关注 / 预警.',
  valuesConfig: {
    NORMAL: { description: '正常: on track.' },
    ATTENTION: { description: '关注: needs watching.' },
    WARNING: { description: '预警: at risk; act now.' },
  },
});

@ObjectType({ implements: Node, description: 'A supervision visit (督导走访) to a project in delivery.' })
@Entity({ tableName: 'supervision_visit' })
// A project's visits are listed by when they took place, then id.
@Index({ properties: ['project', 'visitedAt', 'id'] })
// The visits export, newest first in keyset batches (migrations/Migration20261201130000.ts).
@Index({ name: 'supervision_visit_visited_at_id_index', expression: 'create index "supervision_visit_visited_at_id_index" on "supervision_visit" ("visited_at", "id")' })
export class SupervisionVisit extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict', index: true })
  project!: Ref<Project>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  visitor!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { description: 'When the visit took place: an ISO 8601 instant, UTC.' })
  @Property({ type: 'timestamptz' })
  visitedAt!: Date;

  @Field(() => VisitKind, { description: 'How the visit was made.' })
  @Enum({ items: () => VisitKind })
  kind!: VisitKind;

  @Field(() => String, { description: 'What the visitor found.' })
  @Property({ type: 'text' })
  findings!: string;

  @Field(() => RiskLevel, { description: 'The risk the visitor judged.' })
  @Enum({ items: () => RiskLevel })
  riskLevel!: RiskLevel;

  @OneToMany(() => FollowUp, (followUp) => followUp.visit, { orderBy: { dueDate: 'asc', id: 'asc' } })
  followUps = new Collection<FollowUp>(this);
}

// Its follow-ups are read through a loader (followUpsOf), never from the collection.
readAsPlainRows(SupervisionVisit);
