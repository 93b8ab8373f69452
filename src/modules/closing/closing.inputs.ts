import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The project to close with its closing grade.' })
export class CloseProjectInput {
  @Field(() => ID, { description: 'The project’s global ID; it must be in CLOSING_REVIEW.' }) projectId!: string;
  @Field(() => String, { nullable: true, description: 'Administrators only: close with fewer than the minimum closing scorecards, for this recorded reason.' })
  overrideReason?: string | null;
}
