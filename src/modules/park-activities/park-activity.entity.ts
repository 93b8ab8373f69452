import { Check, Entity, Enum, Index, ManyToOne, PrimaryKeyProp, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';
import { Park } from '../places/park.entity.js';
import { Place } from '../places/place.entity.js';
import { Project } from '../projects/project.entity.js';

/** The park's own work with people (能力建设, 创新展示): what kind of gathering it was. */
export enum ActivityKind {
  TRAINING_COURSE = 'TRAINING_COURSE',
  COACHING_WORKSHOP = 'COACHING_WORKSHOP',
  THEME_DAY = 'THEME_DAY',
  EXCHANGE = 'EXCHANGE',
  LECTURE = 'LECTURE',
  SITE_OBSERVATION = 'SITE_OBSERVATION',
  VOLUNTEER_TEAM_FORMATION = 'VOLUNTEER_TEAM_FORMATION',
}
registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'What kind of activity a park holds.',
  valuesConfig: {
    TRAINING_COURSE: { description: '培训课程: a course, online or on site, usually of several sessions; its person-times count as people trained.' },
    COACHING_WORKSHOP: { description: '辅导会: coaching for applicants; the projects linked to it count as coached.' },
    THEME_DAY: { description: '主题日: a theme day open to residents.' },
    EXCHANGE: { description: '交流活动: an exchange between organisations, enterprises and residents.' },
    LECTURE: { description: '讲座 / 宣讲: a talk.' },
    SITE_OBSERVATION: { description: '观摩会: visitors observe a project on site, often in several batches.' },
    VOLUNTEER_TEAM_FORMATION: { description: '志愿队组建: a volunteer team is formed.' },
  },
});

/** Activities whose person-times are people trained (培训人次). */
export const TRAINING_KINDS: readonly ActivityKind[] = [ActivityKind.TRAINING_COURSE];

export enum SessionMode {
  ON_SITE = 'ON_SITE',
  ONLINE = 'ONLINE',
}
registerEnumType(SessionMode, {
  name: 'SessionMode',
  description: 'Where a session of an activity is held: 线下 / 线上.',
  valuesConfig: { ON_SITE: { description: '线下: on site.' }, ONLINE: { description: '线上: online.' } },
});

/**
 * An activity a park holds: a training course, a coaching workshop, a theme day, an observation…
 * It has one or more sessions (课时, 批次); people register for it and are checked in per session.
 */
@ObjectType({ implements: Node, description: 'An activity a park holds (园区活动): a training course, coaching workshop (辅导会), theme day (主题日), exchange, lecture, site observation (观摩会) or volunteer-team formation, with its sessions.' })
@Entity({ tableName: 'park_activity' })
// A park's activities are listed by when they start.
@Index({ properties: ['park', 'startsAt', 'id'] })
@Check({ name: 'park_activity_capacity', expression: 'capacity is null or capacity > 0' })
@Check({ name: 'park_activity_times', expression: 'ends_at > starts_at' })
export class ParkActivity extends BaseEntity {
  @ManyToOne(() => Park, { ref: true, deleteRule: 'restrict' })
  park!: Ref<Park>;

  /** The district key, copied from the park by the database on insert (see migrations/Migration20261201100000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @Field(() => ActivityKind, { description: 'What kind of activity it is.' })
  @Enum({ items: () => ActivityKind })
  kind!: ActivityKind;

  @Field(() => String, { description: 'Its title, e.g. 社区社会组织如何设计公益创投项目辅导会.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Its theme, e.g. 构建亲子和谐关系,创新基层社会治理.' })
  @Property({ type: 'string', length: 200, nullable: true })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'What it was for and what came of it.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => String, { description: 'Who organised it, e.g. the park, or 区基层社会治理工作领导小组办公室.' })
  @Property({ type: 'string', length: 200 })
  organizer!: string;

  @Field(() => String, { nullable: true, description: 'Where it is held, unless a session says otherwise.' })
  @Property({ type: 'string', length: 200, nullable: true })
  venue?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many may register; null when there is no limit. Walk-ins are not refused.' })
  @Property({ type: 'integer', nullable: true })
  capacity?: number | null;

  @Field(() => Boolean, { description: 'Open to the public: a session may record a headcount of everyone present, beyond those checked in by name.' })
  @Property({ type: 'boolean', default: false })
  openToPublic: boolean & Opt = false;

  @Field(() => GraphQLISODateTime, { description: 'When its first session starts.' })
  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When its last session ends.' })
  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<Person>;

  @Property({ version: true, type: 'integer' })
  version: number & Opt = 1;
}

@ObjectType({ implements: Node, description: 'One session of an activity (课时, 批次): a course’s lesson, an observation’s batch.' })
@Entity({ tableName: 'activity_session' })
@Unique({ properties: ['activity', 'number'] })
@Check({ name: 'activity_session_times', expression: 'ends_at > starts_at' })
@Check({ name: 'activity_session_headcount', expression: 'headcount is null or headcount >= 0' })
export class ActivitySession extends BaseEntity {
  @ManyToOne(() => ParkActivity, { ref: true, deleteRule: 'cascade' })
  activity!: Ref<ParkActivity>;

  /** The district key, copied from the activity by the database on insert. */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @Field(() => Int, { description: 'Its place in the activity, from 1.' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => GraphQLISODateTime, { description: 'When it starts.' })
  @Property({ type: 'timestamptz' })
  @Index()
  startsAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it ends.' })
  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => SessionMode, { description: 'Online or on site.' })
  @Enum({ items: () => SessionMode })
  mode!: SessionMode;

  @Field(() => String, { nullable: true, description: 'Where it is held, when not the activity’s venue.' })
  @Property({ type: 'string', length: 200, nullable: true })
  venue?: string | null;

  @Field(() => Int, { nullable: true, description: 'Everyone present, counted at the door (open activities only): at least those checked in by name.' })
  @Property({ type: 'integer', nullable: true })
  headcount?: number | null;

  @Property({ version: true, type: 'integer' })
  version: number & Opt = 1;
}

/**
 * Someone registered for an activity: a person of the platform, or a guest by name and unit. Where
 * they come from (street, community, organisation) is kept with them, as the report counts origins.
 */
@ObjectType({ implements: Node, description: 'A registration for an activity (报名): a person of the platform, or a guest by name and unit, with where they come from.' })
@Entity({ tableName: 'activity_registration' })
@Unique({ name: 'activity_registration_person_unique', properties: ['activity', 'person'] })
@Unique({ name: 'activity_registration_guest_unique', expression: 'create unique index "activity_registration_guest_unique" on "activity_registration" ("activity_id", "guest_name", "unit") nulls not distinct where "guest_name" is not null' })
@Check({ name: 'activity_registration_who', expression: '(person_id is null) <> (guest_name is null)' })
@Check({ name: 'activity_registration_satisfaction', expression: 'satisfaction >= 1 and satisfaction <= 5' })
export class ActivityRegistration extends BaseEntity {
  @ManyToOne(() => ParkActivity, { ref: true, deleteRule: 'cascade' })
  activity!: Ref<ParkActivity>;

  /** The district key, copied from the activity by the database on insert. */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  person?: Ref<Person> | null;

  @Field(() => String, { nullable: true, description: 'A guest’s name; null for a person of the platform.' })
  @Property({ type: 'string', length: 100, nullable: true })
  guestName?: string | null;

  @Field(() => String, { nullable: true, description: 'The unit they come from (单位): an organisation, a community, an enterprise.' })
  @Property({ type: 'string', length: 200, nullable: true })
  unit?: string | null;

  @ManyToOne(() => Organization, { ref: true, nullable: true, deleteRule: 'restrict' })
  organization?: Ref<Organization> | null;

  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict' })
  street?: Ref<Place> | null;

  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict' })
  community?: Ref<Place> | null;

  @Field(() => Boolean, { description: 'Came without registering and was checked in at the door.' })
  @Property({ type: 'boolean', default: false })
  walkIn: boolean & Opt = false;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  registeredBy!: Ref<Person>;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the registration was cancelled; cancelled registrations hold no place and cannot be checked in.' })
  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'How satisfied they were, 1 to 5 (满意度), once they attended.' })
  @Property({ type: 'smallint', nullable: true })
  satisfaction?: number | null;

  @Field(() => String, { nullable: true, description: 'What they said about it.' })
  @Property({ type: 'text', nullable: true })
  feedback?: string | null;

  @Property({ version: true, type: 'integer' })
  version: number & Opt = 1;
}

/** A registration checked in to one session: one person-time (人次). */
@Entity({ tableName: 'activity_attendance' })
export class ActivityAttendance {
  [PrimaryKeyProp]?: ['session', 'registration'];

  @ManyToOne(() => ActivitySession, { ref: true, primary: true, deleteRule: 'cascade' })
  session!: Ref<ActivitySession>;

  @ManyToOne(() => ActivityRegistration, { ref: true, primary: true, deleteRule: 'cascade', index: true })
  registration!: Ref<ActivityRegistration>;

  /** The district key, copied from the session by the database on insert. */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @Property({ type: 'timestamptz' })
  checkedInAt!: Date;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  checkedInBy!: Ref<Person>;
}

/** A project an activity concerned: for a coaching workshop, a project coached there. */
@Entity({ tableName: 'activity_project' })
export class ActivityProject {
  [PrimaryKeyProp]?: ['activity', 'project'];

  @ManyToOne(() => ParkActivity, { ref: true, primary: true, deleteRule: 'cascade' })
  activity!: Ref<ParkActivity>;

  @ManyToOne(() => Project, { ref: true, primary: true, deleteRule: 'restrict', index: true })
  project!: Ref<Project>;

  /** The district key, copied from the activity by the database on insert. */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;
}

/** An organisation an activity concerned (a co-organiser, the community observed). */
@Entity({ tableName: 'activity_organization' })
export class ActivityOrganization {
  [PrimaryKeyProp]?: ['activity', 'organization'];

  @ManyToOne(() => ParkActivity, { ref: true, primary: true, deleteRule: 'cascade' })
  activity!: Ref<ParkActivity>;

  @ManyToOne(() => Organization, { ref: true, primary: true, deleteRule: 'restrict', index: true })
  organization!: Ref<Organization>;

  /** The district key, copied from the activity by the database on insert. */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;
}
