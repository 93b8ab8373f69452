import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../shared/auth.js';

@InputType({ description: 'The credentials to sign in with.' })
export class LoginInput {
  @Field(() => String, { description: 'The account’s email address (case does not matter).' }) email!: string;
  @Field(() => String, { description: 'The account’s password.' }) password!: string;
}

@InputType({ description: 'A new account.' })
export class CreatePersonInput {
  @Field(() => String, { description: 'Sign-in email address, unique; stored lower-cased (at most 254 characters).' }) email!: string;
  @Field(() => String, { description: 'Full name (at most 100 characters).' }) name!: string;
  @Field(() => String, { description: 'At least 10 characters, not a common or easily guessed password.' }) password!: string;
  @Field(() => [Role], { description: 'At least one role, each at most once.' }) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'The organisation an APPLICANT belongs to (required for applicants).' })
  organizationId?: string | null;
}

@InputType({ description: 'The roles to give a person, replacing those they have.' })
export class SetPersonRolesInput {
  @Field(() => ID, { description: 'The person’s global ID.' }) personId!: string;
  @Field(() => [Role], { description: 'The new roles: at least one, each at most once.' }) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'Required when the roles include APPLICANT.' })
  organizationId?: string | null;
}

@InputType({ description: 'Your current password and the new one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'Your current password; wrong tries are throttled like sign-in.' }) currentPassword!: string;
  @Field(() => String, { description: 'At least 10 characters, not a common or easily guessed password.' }) newPassword!: string;
}

@InputType({ description: 'Whose password to set, and to what.' })
export class ResetPasswordInput {
  @Field(() => ID, { description: 'The person’s global ID.' }) personId!: string;
  @Field(() => String, { description: 'At least 10 characters, not a common or easily guessed password.' }) newPassword!: string;
}

@InputType({ description: 'The person to act on.' })
export class PersonIdInput {
  @Field(() => ID, { description: 'The person’s global ID.' }) personId!: string;
}
