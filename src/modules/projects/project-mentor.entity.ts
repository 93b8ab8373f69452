import { Entity, Index, ManyToOne, PrimaryKeyProp, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Person } from '../people/person.entity.js';
import { Project } from './project.entity.js';
import { Place } from '../places/place.entity.js';

/** A mentor assigned to a project; the mentor sees the project and follows it. */
@Entity({ tableName: 'project_mentor' })
// A mentor's projects (who may see what, the mentor's own lists), read off the index alone.
@Index({ properties: ['mentor', 'project'] })
export class ProjectMentor {
  [PrimaryKeyProp]?: ['project', 'mentor'];

  /** The district key, copied from the parent row by the database on insert (see migrations/Migration20261130145000.ts). */
  @ManyToOne(() => Place, { ref: true, nullable: true, deleteRule: 'restrict', index: true })
  district?: Ref<Place> | null;

  @ManyToOne(() => Project, { ref: true, primary: true, deleteRule: 'cascade' })
  project!: Ref<Project>;

  @ManyToOne(() => Person, { ref: true, primary: true, deleteRule: 'restrict' })
  mentor!: Ref<Person>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  assignedAt: Date & Opt = new Date();
}
