import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CloseProjectInput {
  @Field(() => ID) projectId!: string;
  @Field(() => String, { nullable: true, description: 'Administrators only: close with fewer than the minimum closing scorecards, for this recorded reason.' })
  overrideReason?: string | null;
}
