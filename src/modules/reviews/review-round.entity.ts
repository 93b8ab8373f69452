import { Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Program } from '../programs/program.entity.js';
import { Place } from '../places/place.entity.js';

export enum RoundKind {
  PROPOSAL = 'PROPOSAL',
  CLOSING = 'CLOSING',
}
registerEnumType(RoundKind, {
  name: 'RoundKind',
  description: 'What a review round scores: proposals, or delivered projects at closing.',
  valuesConfig: {
    PROPOSAL: { description: '立项评审: proposals scored on the programme’s proposal rubric.' },
    CLOSING: { description: '结项评估: delivered projects scored on the closing rubric.' },
  },
});

@ObjectType({ implements: Node, description: 'A review round (路演 / 评审会 / 结项评估) in which evaluators score projects.' })
@Entity({ tableName: 'review_round' })
// A round's kind by its key, from the index alone (see review-progress.ts, ASSIGNMENT_FACTS_SQL).
@Index({ name: 'review_round_id_kind_index', expression: 'create index "review_round_id_kind_index" on "review_round" ("id") include ("kind")' })
export class ReviewRound extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Program, { ref: true, deleteRule: 'restrict', index: true })
  program!: Ref<Program>;

  @Field(() => RoundKind, { description: 'Proposal review or closing evaluation.' })
  @Enum({ items: () => RoundKind })
  kind!: RoundKind;

  @Field(() => String, { description: 'The round’s name, e.g. 2022年公益创投大赛路演.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  openedBy!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When staff closed the round to further scoring.' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: (Date & Opt) | null;
}
