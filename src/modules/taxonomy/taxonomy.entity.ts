import { Check, DecimalType, Entity, Enum, ManyToOne, PrimaryKeyProp, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Place } from '../places/place.entity.js';
import { Program } from '../programs/program.entity.js';

/** What a project type buys, as 民生微实事 project libraries sort them (服务类 / 工程类). */
export enum ProjectTypeKind {
  SERVICE = 'SERVICE',
  WORKS = 'WORKS',
}
registerEnumType(ProjectTypeKind, {
  name: 'ProjectTypeKind',
  description: 'What projects of a type deliver: services to people, or works on places.',
  valuesConfig: {
    SERVICE: { description: '服务类: services, activities and coaching for residents.' },
    WORKS: { description: '工程类: building and repair works, e.g. a community space refitted.' },
  },
});

/**
 * One of a district's areas of work (方面 / 领域), e.g. 社区治理: the top level of its project
 * taxonomy ("4个方面12个类型112项社会治理创新项目").
 */
@ObjectType({ implements: Node, description: 'One of a district’s areas of work (方面, 领域), e.g. 社区治理: its project types sit under it.' })
@Entity({ tableName: 'project_area' })
@Unique({ name: 'project_area_district_name_unique', properties: ['district', 'name'] })
export class ProjectArea extends BaseEntity {
  @ManyToOne(() => Place, { ref: true, deleteRule: 'restrict', index: true })
  district!: Ref<Place>;

  @Field(() => String, { description: 'Its name, unique in its district, e.g. 社区治理 (at most 100 characters).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => Int, { description: 'Where it comes in the district’s list of areas, from 0.' })
  @Property({ type: 'smallint' })
  position!: number;
}

/**
 * A district's type of project (类型), under one of its areas, with the largest grant a project of
 * the type may get (a district may cap service projects at ¥500,000 and works at ¥1,000,000).
 */
@ObjectType({ implements: Node, description: 'A district’s type of project (类型), under one of its areas, with an optional cap on the grant.' })
@Entity({ tableName: 'project_type' })
@Unique({ name: 'project_type_district_name_unique', properties: ['district', 'name'] })
@Check({ name: 'project_type_max_grant_positive', expression: 'max_grant is null or max_grant > 0' })
export class ProjectType extends BaseEntity {
  @ManyToOne(() => Place, { ref: true, deleteRule: 'restrict', index: true })
  district!: Ref<Place>;

  @ManyToOne(() => ProjectArea, { ref: true, deleteRule: 'restrict', index: true })
  area!: Ref<ProjectArea>;

  @Field(() => String, { description: 'Its name, unique in its district, e.g. 禁毒宣传 (at most 100 characters).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => ProjectTypeKind, { description: 'Whether its projects deliver services or works.' })
  @Enum({ items: () => ProjectTypeKind })
  kind!: ProjectTypeKind;

  @Field(() => Float, { nullable: true, description: 'The largest grant, in yuan, a project of this type may request or be given; null: only the programme’s maximum applies.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  maxGrant?: number | null;
}

/** A type a programme accepts; a programme with none accepts every type of its district. */
@Entity({ tableName: 'program_project_type' })
export class ProgramProjectType {
  [PrimaryKeyProp]?: ['program', 'type'];

  @ManyToOne(() => Program, { ref: true, primary: true, deleteRule: 'cascade' })
  program!: Ref<Program>;

  @ManyToOne(() => ProjectType, { ref: true, primary: true, fieldName: 'project_type_id', deleteRule: 'restrict', index: true })
  type!: Ref<ProjectType>;

  /** The programme's district (the district key), which is its types' too. */
  @ManyToOne(() => Place, { ref: true, deleteRule: 'restrict' })
  district!: Ref<Place>;
}
