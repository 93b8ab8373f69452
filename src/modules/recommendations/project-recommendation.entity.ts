import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Person } from '../people/person.entity.js';
import { Place } from '../places/place.entity.js';
import { Project } from '../projects/project.entity.js';

/**
 * A project recommended to a project library (项目库), e.g. 龙岗区“民生微实事·大盆菜”服务类项目库: what a
 * roadshow win or a good closing leads to, and what a park's report counts.
 */
@ObjectType({ implements: Node, description: 'A project recommended to a project library (推荐至项目库), e.g. 龙岗区“民生微实事·大盆菜”服务类项目库.' })
@Entity({ tableName: 'project_recommendation' })
@Unique({ properties: ['project', 'library'] })
export class ProjectRecommendation extends BaseEntity {
  @ManyToOne(() => Project, { ref: true, deleteRule: 'restrict', index: true })
  project!: Ref<Project>;

  /** The district key, copied from the project by the database on insert. */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @Field(() => String, { description: 'The library, as its owner names it.' })
  @Property({ type: 'string', length: 200 })
  library!: string;

  @Field(() => String, { nullable: true, description: 'Why it was recommended.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  recommendedBy!: Ref<Person>;
}
