import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignProjectTeamDocument,
  CompareRevisionsDocument,
  NodeDocument,
  OrganizationDocument,
  OrganizationMembersDocument,
  OrganizationsDocument,
  ProjectDocument,
  ProjectRevisionsDocument,
  ProjectsDocument,
  SaveRevisionDocument,
  SubmitProjectDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, person, program, project, revision, revisionInput, type TestPerson } from './support/factories.js';

const app = useTestApp();

/** Two organisations, each with a project; a mentor of A's project only; staff; an evaluator. */
let a: Awaited<ReturnType<typeof applicantOrganization>>;
let b: Awaited<ReturnType<typeof applicantOrganization>>;
let projectA: { id: string };
let projectB: { id: string };
let revisionA: { id: string };
let revisionB: { id: string };
let mentor: TestPerson;
let staff: TestPerson;
let evaluator: TestPerson;

beforeAll(async () => {
  const call = await program(app());
  a = await applicantOrganization(app());
  b = await applicantOrganization(app());
  projectA = await project(a.applicant.client, call.id, '心向阳光·爱满南头——精障人士帮扶');
  projectB = await project(b.applicant.client, call.id, '家庭幸福经营学院');
  revisionA = await revision(a.applicant.client, projectA.id);
  revisionB = await revision(b.applicant.client, projectB.id);
  mentor = await person(app(), ['MENTOR']);
  staff = await person(app(), ['STAFF']);
  evaluator = await person(app(), ['EVALUATOR']);
  const otherMentor = await person(app(), ['MENTOR']);
  const assigned = await staff.client.data(AssignProjectTeamDocument, { input: { projectId: projectA.id, mentorIds: [mentor.id, otherMentor.id] } });
  expect(assigned.assignProjectTeam.userErrors).toEqual([]);
});

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

describe('who sees which projects', () => {
  it('shows staff and admins every project', async () => {
    for (const client of [staff.client, app().admin]) {
      expect(ids((await client.data(ProjectsDocument, {})).projects!.edges.map((e) => e.node))).toEqual(ids([projectA, projectB]));
    }
  });

  it('shows an applicant only their organisation’s projects', async () => {
    const list = await a.applicant.client.data(ProjectsDocument, {});
    expect(list.projects).toMatchObject({ totalCount: 1, edges: [{ node: { id: projectA.id } }] });
  });

  it('gives an applicant NOT_FOUND, never data, for another organisation’s project, by every route', async () => {
    const client = a.applicant.client;
    for (const result of [
      await client.request(ProjectDocument, { id: projectB.id }),
      await client.request(NodeDocument, { id: projectB.id }),
      await client.request(NodeDocument, { id: revisionB.id }),
      await client.request(ProjectRevisionsDocument, { id: projectB.id }),
      await client.request(OrganizationDocument, { id: b.organization.id }),
      await client.request(CompareRevisionsDocument, { from: revisionB.id, to: revisionB.id }),
    ]) {
      expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
  });

  it('does not let an applicant write to another organisation’s project', async () => {
    const save = await a.applicant.client.data(SaveRevisionDocument, { input: revisionInput(projectB.id) });
    expect(save.saveRevision.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const submit = await a.applicant.client.data(SubmitProjectDocument, { input: { projectId: projectB.id } });
    expect(submit.submitProject.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const revisions = await app().admin.data(ProjectRevisionsDocument, { id: projectB.id });
    expect(revisions.project!.revisions.totalCount).toBe(1);
  });

  it('shows a mentor only the projects they mentor, and those projects’ organisations', async () => {
    const list = await mentor.client.data(ProjectsDocument, {});
    expect(list.projects!.edges.map((e) => e.node.id)).toEqual([projectA.id]);
    expect(list.projects!.totalCount).toBe(1);
    expect((await mentor.client.data(ProjectDocument, { id: projectA.id })).project!.viewerCan).toEqual({ saveRevision: false, submit: false, assignTeam: false });
    expect(await mentor.client.errorCode(ProjectDocument, { id: projectB.id })).toBe('NOT_FOUND');
    expect((await mentor.client.data(OrganizationDocument, { id: a.organization.id })).organization!.projects.nodes.map((p) => p.id)).toEqual([projectA.id]);
    expect(await mentor.client.errorCode(OrganizationDocument, { id: b.organization.id })).toBe('NOT_FOUND');
    expect(ids((await mentor.client.data(OrganizationsDocument, {})).organizations!.nodes)).toEqual([a.organization.id]);
    expect(await mentor.client.errorCode(OrganizationMembersDocument, { id: a.organization.id })).toBe('FORBIDDEN');
  });

  it('shows an evaluator no project until one is assigned to them', async () => {
    expect((await evaluator.client.data(ProjectsDocument, {})).projects!.totalCount).toBe(0);
    expect(await evaluator.client.errorCode(ProjectDocument, { id: projectA.id })).toBe('NOT_FOUND');
    expect(await evaluator.client.errorCode(NodeDocument, { id: a.organization.id })).toBe('NOT_FOUND');
  });

  it('lets an organisation’s members see each other, and staff see everyone', async () => {
    const members = await a.applicant.client.data(OrganizationMembersDocument, { id: a.organization.id });
    expect(members.organization!.members!.nodes.map((m) => m.id)).toEqual([a.applicant.id]);
    expect((await staff.client.data(OrganizationMembersDocument, { id: b.organization.id })).organization!.members!.totalCount).toBe(1);
  });

  it('refuses everything to an anonymous caller', async () => {
    expect(await app().anonymous.errorCode(ProjectDocument, { id: projectA.id })).toBe('UNAUTHENTICATED');
    expect(await app().anonymous.errorCode(NodeDocument, { id: projectA.id })).toBe('UNAUTHENTICATED');
  });

  it('fetches any visible object by its global ID through node()', async () => {
    const node = await a.applicant.client.data(NodeDocument, { id: revisionA.id });
    expect(node.node).toMatchObject({ __typename: 'ProposalRevision', id: revisionA.id, number: 1 });
    expect(await a.applicant.client.errorCode(NodeDocument, { id: 'bm9wZQ' })).toBe('NOT_FOUND');
  });
});
