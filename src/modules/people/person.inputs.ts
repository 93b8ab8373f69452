import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../shared/auth.js';

@InputType()
export class LoginInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@InputType()
export class CreatePersonInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'At least 10 characters, not a common or easily guessed password.' }) password!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'The organisation an APPLICANT belongs to (required for applicants).' })
  organizationId?: string | null;
}

@InputType()
export class SetPersonRolesInput {
  @Field(() => ID) personId!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'Required when the roles include APPLICANT.' })
  organizationId?: string | null;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) currentPassword!: string;
  @Field(() => String, { description: 'At least 10 characters, not a common or easily guessed password.' }) newPassword!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field(() => ID) personId!: string;
  @Field(() => String, { description: 'At least 10 characters, not a common or easily guessed password.' }) newPassword!: string;
}

@InputType()
export class PersonIdInput {
  @Field(() => ID) personId!: string;
}
