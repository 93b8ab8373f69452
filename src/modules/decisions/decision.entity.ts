import { Check, Collection, DecimalType, Entity, Enum, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProposalRevision } from '../projects/proposal-revision.entity.js';
import { DecisionCondition } from './decision-condition.entity.js';
import { Place } from '../places/place.entity.js';

export enum DecisionOutcome {
  APPROVED = 'APPROVED',
  APPROVED_WITH_CONDITIONS = 'APPROVED_WITH_CONDITIONS',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  REJECTED = 'REJECTED',
}
registerEnumType(DecisionOutcome, {
  name: 'DecisionOutcome',
  description: 'What staff decided on a reviewed proposal.',
  valuesConfig: {
    APPROVED: { description: '立项: approved with a grant.' },
    APPROVED_WITH_CONDITIONS: { description: 'Approved once the listed conditions are met.' },
    REVISION_REQUESTED: { description: 'The applicant must revise and resubmit; the rationale says what must change.' },
    REJECTED: { description: 'Not funded; the rationale says why.' },
  },
});

/** Staff's decision on a reviewed proposal (立项评审结果). */
@ObjectType({ implements: Node, description: 'The outcome of a proposal review, with the grant and the reasons.' })
@Entity({ tableName: 'decision' })
@Check({ name: 'decision_grant_matches_outcome', expression: `(outcome = 'APPROVED' or outcome = 'APPROVED_WITH_CONDITIONS') = (grant_amount is not null and grant_amount > 0)` })
export class Decision extends BaseEntity {
  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict', index: true })
  project!: Ref<Project>;

  /** The revision decided on: an approval's indicator targets come from it. */
  @ManyToOne(() => ProposalRevision, { ref: true, deleteRule: 'restrict' })
  revision!: Ref<ProposalRevision>;

  @Field(() => DecisionOutcome, { description: 'What was decided.' })
  @Enum({ items: () => DecisionOutcome })
  outcome!: DecisionOutcome;

  @Field(() => Float, { nullable: true, description: 'Grant in yuan (approvals only).' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  grantAmount?: number | null;

  @Field(() => String, { description: 'Why; for a revision request, what must change.' })
  @Property({ type: 'text' })
  rationale!: string;

  @Field(() => String, { nullable: true, description: 'Set when an administrator decided without the minimum number of scorecards.' })
  @Property({ type: 'text', nullable: true })
  overrideReason?: string | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  decidedBy!: Ref<Person>;

  @OneToMany(() => DecisionCondition, (condition) => condition.decision, { orderBy: { position: 'asc' } })
  conditions = new Collection<DecisionCondition>(this);
}
