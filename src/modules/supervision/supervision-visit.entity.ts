import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { FollowUp } from './follow-up.entity.js';

export enum VisitKind {
  SITE_VISIT = 'SITE_VISIT',
  ONLINE_CHECK = 'ONLINE_CHECK',
  ACTIVITY_OBSERVATION = 'ACTIVITY_OBSERVATION',
}
registerEnumType(VisitKind, { name: 'VisitKind', description: '实地走访 / 线上检查 / 活动观摩' });

export enum RiskLevel {
  NORMAL = 'NORMAL',
  ATTENTION = 'ATTENTION',
  WARNING = 'WARNING',
}
registerEnumType(RiskLevel, { name: 'RiskLevel', description: '正常 / 关注 / 预警' });

@ObjectType({ implements: Node, description: 'A supervision visit (督导走访) to a project in delivery.' })
@Entity({ tableName: 'supervision_visit' })
// A project's visits are listed by when they took place, then id.
@Index({ properties: ['project', 'visitedAt', 'id'] })
export class SupervisionVisit extends BaseEntity {
  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict', index: true })
  project!: Ref<Project>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  visitor!: Ref<Person>;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  visitedAt!: Date;

  @Field(() => VisitKind)
  @Enum({ items: () => VisitKind })
  kind!: VisitKind;

  @Field(() => String)
  @Property({ type: 'text' })
  findings!: string;

  @Field(() => RiskLevel)
  @Enum({ items: () => RiskLevel })
  riskLevel!: RiskLevel;

  @OneToMany(() => FollowUp, (followUp) => followUp.visit, { orderBy: { dueDate: 'asc', id: 'asc' } })
  followUps = new Collection<FollowUp>(this);
}
