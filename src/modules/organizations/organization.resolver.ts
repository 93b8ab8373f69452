import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { PageArgs, selectedPage } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { VIEWER_CAN_FIELD } from '../../shared/permission.js';
import { PersonConnection } from '../people/person.types.js';
import { listProjects } from '../projects/project.queries.js';
import { ProjectConnection, ProjectPageArgs } from '../projects/project.types.js';
import { Organization } from './organization.entity.js';
import { CreateOrganizationInput, MoveOrganizationInput, UpdateOrganizationInput } from './organization.inputs.js';
import { getOrganization, listMembers, listOrganizations } from './organization.queries.js';
import * as organizations from './organization.service.js';
import { OrganizationViewerCan } from './organization.viewer-can.js';
import { OrganizationConnection, OrganizationPayload } from './organization.types.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'An organisation the viewer may see (NOT_FOUND otherwise).' })
  organization(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The organisation’s global ID.' }) id: string) {
    return getOrganization(ctx, id);
  }

  @Query(() => OrganizationConnection, { nullable: true, description: 'The organisations the viewer may see, by name.' })
  organizations(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return listOrganizations(ctx, selectedPage(page, info));
  }

  @Mutation(() => OrganizationPayload, { description: 'Register an applicant organisation (staff).' })
  createOrganization(@Ctx() ctx: Context, @Arg('input', () => CreateOrganizationInput, { description: 'The organisation to register.' }) input: CreateOrganizationInput) {
    return runMutation(ctx, OrganizationPayload, (tx) => organizations.createOrganization(tx, input));
  }

  @Mutation(() => OrganizationPayload, { description: 'Correct an organisation’s details (staff).' })
  updateOrganization(@Ctx() ctx: Context, @Arg('input', () => UpdateOrganizationInput, { description: 'The organisation and the fields to change.' }) input: UpdateOrganizationInput) {
    return runMutation(ctx, OrganizationPayload, (tx) => organizations.updateOrganization(tx, input));
  }

  @Mutation(() => OrganizationPayload, { description: 'Hand an organisation to another park of its district, or take it out of any park (the staff over it). The move is kept; its projects keep the park that coached them.' })
  moveOrganization(@Ctx() ctx: Context, @Arg('input', () => MoveOrganizationInput, { description: 'The organisation and its new park.' }) input: MoveOrganizationInput) {
    return runMutation(ctx, OrganizationPayload, (tx) => organizations.moveOrganization(tx, input));
  }

  @FieldResolver(() => OrganizationViewerCan, VIEWER_CAN_FIELD)
  viewerCan(@Ctx() ctx: Context, @Root() organization: Organization) {
    return new OrganizationViewerCan(ctx, organization);
  }

  @FieldResolver(() => PersonConnection, { nullable: true, description: 'Applicant members (staff and the organisation’s own members; FORBIDDEN to others).' })
  members(@Ctx() ctx: Context, @Root() organization: Organization, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo) {
    return listMembers(ctx, organization, selectedPage(page, info));
  }

  @FieldResolver(() => ProjectConnection, { description: 'This organisation’s projects that the viewer may see.' })
  projects(@Ctx() ctx: Context, @Root() organization: Organization, @Args(() => ProjectPageArgs) page: ProjectPageArgs, @Info() info: GraphQLResolveInfo) {
    return listProjects(ctx, selectedPage(page, info), { organization: organization.id });
  }
}
