import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ProjectTypeKind } from './taxonomy.entity.js';

@InputType({ description: 'A new area of work in a district’s project taxonomy.' })
export class CreateProjectAreaInput {
  @Field(() => ID, { description: 'The district’s global ID (a place of level DISTRICT).' }) districtId!: string;
  @Field(() => String, { description: 'Its name, unique in the district, e.g. 社区治理 (at most 100 characters).' }) name!: string;
  @Field(() => Int, { nullable: true, description: 'Where it comes in the district’s list, from 0 (0 to 100); left out: after the last.' }) position?: number | null;
}

@InputType({ description: 'Changes to an area of work; fields left out stay as they are.' })
export class UpdateProjectAreaInput {
  @Field(() => ID, { description: 'The area’s global ID.' }) areaId!: string;
  @Field(() => String, { nullable: true, description: 'Its new name, unique in the district (at most 100 characters).' }) name?: string | null;
  @Field(() => Int, { nullable: true, description: 'Its new place in the district’s list, from 0 (0 to 100).' }) position?: number | null;
}

@InputType({ description: 'A new project type under one of a district’s areas.' })
export class CreateProjectTypeInput {
  @Field(() => ID, { description: 'The area’s global ID: the type belongs to the area’s district.' }) areaId!: string;
  @Field(() => String, { description: 'Its name, unique in the district, e.g. 禁毒宣传 (at most 100 characters).' }) name!: string;
  @Field(() => ProjectTypeKind, { description: 'Whether its projects deliver services or works.' }) kind!: ProjectTypeKind;
  @Field(() => Float, { nullable: true, description: 'The largest grant a project of the type may request or get, in yuan (two decimals at most); left out: no cap of its own.' })
  maxGrant?: number | null;
}

@InputType({ description: 'Changes to a project type; fields left out stay as they are, and `maxGrant: null` removes the cap.' })
export class UpdateProjectTypeInput {
  @Field(() => ID, { description: 'The type’s global ID.' }) typeId!: string;
  @Field(() => ID, { nullable: true, description: 'Another area of the same district to move it to.' }) areaId?: string | null;
  @Field(() => String, { nullable: true, description: 'Its new name, unique in the district (at most 100 characters).' }) name?: string | null;
  @Field(() => ProjectTypeKind, { nullable: true, description: 'Its new kind.' }) kind?: ProjectTypeKind | null;
  @Field(() => Float, { nullable: true, description: 'Its new cap in yuan; null removes the cap. Requests and grants already made are not re-checked.' })
  maxGrant?: number | null;
}

@InputType({ description: 'The type of a project: its applicant while it is a draft, or the staff over it at any time.' })
export class SetProjectTypeInput {
  @Field(() => ID, { description: 'The project’s global ID.' }) projectId!: string;
  @Field(() => ID, { nullable: true, description: 'A type of the project’s district its programme accepts; null leaves the project unclassified.' }) typeId?: string | null;
}

@InputType({ description: 'The project types a programme accepts, replacing the list it had.' })
export class SetProgramProjectTypesInput {
  @Field(() => ID, { description: 'The programme’s global ID.' }) programId!: string;
  @Field(() => [ID], { description: 'Types of the programme’s district (at most 50); empty: every type of the district.' }) typeIds!: string[];
}
