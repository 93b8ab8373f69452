import { Field, ObjectType } from 'type-graphql';
import { Payload } from '../../shared/mutation.js';
import { Program } from '../programs/program.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProjectArea, ProjectType } from './taxonomy.entity.js';

@ObjectType({ description: 'The result of creating or changing an area of work.' })
export class ProjectAreaPayload extends Payload {
  @Field(() => ProjectArea, { nullable: true, description: 'The area as saved; null when there are user errors.' })
  area?: ProjectArea | null;
}

@ObjectType({ description: 'The result of creating or changing a project type.' })
export class ProjectTypePayload extends Payload {
  @Field(() => ProjectType, { nullable: true, description: 'The type as saved; null when there are user errors.' })
  type?: ProjectType | null;
}

@ObjectType({ description: 'The result of setting a project’s type.' })
export class SetProjectTypePayload extends Payload {
  @Field(() => Project, { nullable: true, description: 'The project, with its type as saved; null when there are user errors.' })
  project?: Project | null;
}

@ObjectType({ description: 'The result of setting the types a programme accepts.' })
export class SetProgramProjectTypesPayload extends Payload {
  @Field(() => Program, { nullable: true, description: 'The programme, with its types as saved; null when there are user errors.' })
  program?: Program | null;
}
