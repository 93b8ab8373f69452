import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import { ProjectType } from '../taxonomy/taxonomy.entity.js';
import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';
import { Grade, Program } from '../programs/program.entity.js';
import { ProposalRevision } from './proposal-revision.entity.js';

export enum ProjectStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  CONDITIONALLY_APPROVED = 'CONDITIONALLY_APPROVED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSING_REVIEW = 'CLOSING_REVIEW',
  CLOSED = 'CLOSED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Where a project stands in the lifecycle (遴选 → 培育 → 监督 → 评估).',
  valuesConfig: {
    DRAFT: { description: 'Being written by the applicant; saving a revision of a SUBMITTED or REVISION_REQUESTED proposal returns it here.' },
    SUBMITTED: { description: 'The current revision is submitted and waits for evaluators; the first assignment starts its review.' },
    UNDER_REVIEW: { description: 'Evaluators are scoring it; staff record the decision.' },
    REVISION_REQUESTED: { description: 'The decision asks for changes: the next revision goes back to DRAFT and is submitted again.' },
    CONDITIONALLY_APPROVED: { description: 'Approved with conditions; marking the last condition met approves it.' },
    APPROVED: { description: '立项: approved with a grant, waiting for delivery to start.' },
    REJECTED: { description: 'Not funded (final).' },
    WITHDRAWN: { description: 'Withdrawn before a decision (final).' },
    IN_PROGRESS: { description: 'In delivery: supervision visits and monthly service reports.' },
    CLOSING_REVIEW: { description: 'The closing evaluation (结项评估) is being scored.' },
    CLOSED: { description: 'Closed with a final score and grade (final).' },
    TERMINATED: { description: 'Ended early during delivery, with a reason (final).' },
  },
});

@ObjectType({ implements: Node, description: 'One applicant’s project in one programme, from first draft to closure.' })
@Entity({ tableName: 'project' })
@Unique({ properties: ['program', 'organization', 'title'] })
// The orders of project lists (ProjectOrder), each ending with the id: a page is read off the index, either way.
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['title', 'id'] })
// A park's, a district's or a programme's projects newest first (the board of its staff), and a park's or a district's by last
// change and by title: a range of one index, counted off it too.
@Index({ properties: ['park', 'createdAt', 'id'] })
@Index({ properties: ['district', 'createdAt', 'id'] })
@Index({ properties: ['program', 'createdAt', 'id'] })
@Index({ properties: ['park', 'updatedAt', 'id'] })
@Index({ properties: ['district', 'updatedAt', 'id'] })
@Index({ properties: ['park', 'title', 'id'] })
@Index({ properties: ['district', 'title', 'id'] })
// A park's or a district's projects in some statuses (the attention views: those under review, those in delivery): a few
// hundred of a park's projects are read by their status alone, not every one of them.
@Index({ properties: ['park', 'status'] })
@Index({ properties: ['district', 'status'] })
// Projects found by id and then ordered (a mentor's, through project_mentor): ordered off the index, the rows read for the page alone.
@Index({ name: 'project_id_created_at_index', expression: 'create index "project_id_created_at_index" on "project" ("id") include ("created_at")' })
// Search by any part of the title (ilike '%…%'), Chinese included: trigrams, see ProjectFilter.search.
@Index({ name: 'project_title_trgm_index', expression: 'create index "project_title_trgm_index" on "project" using gin ("title" gin_trgm_ops)' })
@Check({ name: 'project_counts_valid', expression: 'revision_count >= 0 and (approved_grant is null or approved_grant >= 0)' })
export class Project extends BaseEntity {
  @ManyToOne(() => Program, { ref: true, deleteRule: 'restrict' })
  program!: Ref<Program>;

  @ManyToOne(() => Organization, { ref: true, deleteRule: 'restrict', index: true })
  organization!: Ref<Organization>;

  /** The park that coached it, kept when its organisation moves on (null when no park did). */
  @ManyToOne(() => Park, { ref: true, nullable: true, deleteRule: 'restrict' })
  park?: Ref<Park> | null;

  /** The district it belongs to: its programme's, else its park's (the district key). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict' })
  district?: Ref<Place> | null;

  /** Its type in its district's taxonomy, whose cap bounds its request and grant (null: not classified). */
  @ManyToOne(() => ProjectType, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  type?: Ref<ProjectType> | null;

  @Field(() => String, { description: 'The project’s title, unique per organisation within a programme (at most 200 characters).' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { description: 'One of the programme’s focus areas.' })
  @Property({ type: 'string', length: 100 })
  focusArea!: string;

  @Field(() => String, { description: 'The community served, e.g. 南山区南头街道田厦社区.' })
  @Property({ type: 'string', length: 200 })
  communityServed!: string;

  @Field(() => ProjectStatus, { description: 'Where the project stands; only lifecycle steps change it.' })
  @Enum({ items: () => ProjectStatus })
  status: ProjectStatus & Opt = ProjectStatus.DRAFT;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  leadStaff?: Ref<Person> | null;

  /** The latest saved revision; a new revision always becomes current. */
  @ManyToOne(() => ProposalRevision, { ref: true, nullable: true, deleteRule: 'restrict' })
  currentRevision?: Ref<ProposalRevision> | null;

  @Field(() => Int, { description: 'How many revisions have been saved.' })
  @Property({ type: 'integer' })
  revisionCount: number & Opt = 0;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the current revision was last submitted.' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Float, { nullable: true, description: 'Grant awarded, in yuan, once approved.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  approvedGrant?: number | null;

  /** The revision the approval was given on: its indicator targets and budget are what delivery is measured against. */
  @ManyToOne(() => ProposalRevision, { ref: true, nullable: true, deleteRule: 'restrict' })
  approvedRevision?: Ref<ProposalRevision> | null;

  @Field(() => Float, { nullable: true, description: 'The closing evaluation’s score, to one decimal.' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 1, nullable: true })
  finalScore?: number | null;

  @Field(() => Grade, { nullable: true, description: 'The closing grade (优秀 / 良好 / 合格 / 不合格).' })
  @Enum({ items: () => Grade, nullable: true })
  finalGrade?: Grade | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { description: 'When the project last changed (a revision, a status, the team, a visit or report): an ISO 8601 instant, UTC.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  /** Optimistic lock: concurrent writers of the same project cannot both win. */
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}
