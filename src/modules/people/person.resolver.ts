import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Role } from '../../shared/auth.js';
import { PageArgs, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { Organization } from '../organizations/organization.entity.js';
import { canSeeOrganization } from '../organizations/organization.permissions.js';
import { Person } from './person.entity.js';
import { CreatePersonInput, SetPersonRolesInput } from './person.inputs.js';
import { canSeePersonEmail } from './person.permissions.js';
import { getPerson, listPeople, viewerPerson } from './person.queries.js';
import * as people from './person.service.js';
import { PersonViewerCan } from './person.viewer-can.js';
import { PersonConnection, PersonPayload } from './person.types.js';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'The signed-in person, or null without a valid token.' })
  viewer(@Ctx() ctx: Context) {
    return viewerPerson(ctx);
  }

  @Query(() => Person, { nullable: true, description: 'A person: staff may look up anyone, others only themselves.' })
  person(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The person’s global ID.' }) id: string) {
    return getPerson(ctx, id);
  }

  @Query(() => PersonConnection, { nullable: true, description: 'Everyone with an account, by name (staff and admins).' })
  people(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo, @Arg('role', () => Role, { nullable: true, description: 'Only people who have this role; everyone when omitted.' }) role?: Role) {
    return listPeople(ctx, selectedPage(page, info), role);
  }

  @Mutation(() => PersonPayload, { description: 'Create an account (admins).' })
  createPerson(@Ctx() ctx: Context, @Arg('input', () => CreatePersonInput, { description: 'The new account.' }) input: CreatePersonInput) {
    return runMutation(ctx, PersonPayload, (tx) => people.createPerson(tx, input));
  }

  @Mutation(() => PersonPayload, { description: 'Replace a person’s roles (admins).' })
  setPersonRoles(@Ctx() ctx: Context, @Arg('input', () => SetPersonRolesInput, { description: 'The person and their new roles.' }) input: SetPersonRolesInput) {
    return runMutation(ctx, PersonPayload, (tx) => people.setPersonRoles(tx, input));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'False once an administrator has deactivated the account; visible to the person themselves and to the staff who see them.' })
  async active(@Ctx() ctx: Context, @Root() person: Person) {
    return (await canSeePersonEmail(ctx, person.id)) ? !person.deactivatedAt : null;
  }

  @FieldResolver(() => PersonViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() person: Person) {
    return new PersonViewerCan(ctx, person);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Visible to the person themselves and to the staff who see them: those working for their parks and districts, and members of organisations they see.' })
  async email(@Ctx() ctx: Context, @Root() person: Person) {
    return (await canSeePersonEmail(ctx, person.id)) ? person.email : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The applicant organisation this person belongs to.' })
  async organization(@Ctx() ctx: Context, @Root() person: Person) {
    if (!person.organization) return null;
    const organization = await ctx.loaders.byId(Organization).load(person.organization.id);
    return organization && (await canSeeOrganization(ctx, organization)) ? organization : null;
  }
}
