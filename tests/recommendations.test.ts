import { describe, expect, it } from 'vitest';
import { ProjectRecommendationsDocument, RecommendProjectDocument } from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { applicantOrganization, person, program, project } from './support/factories.js';
import { projectInDelivery } from './support/lifecycle.js';

const app = useTestApp();
const LIBRARY = '龙岗区“民生微实事·大盆菜”服务类项目库';

describe('recommending projects to a library', () => {
  it('lets the staff over an approved project recommend it once per library, and refuses everyone and everything else', async () => {
    const delivered = await projectInDelivery(app());
    const input = { projectId: delivered.project.id, library: LIBRARY, note: '路演评分第一名。' };

    const byApplicant = await delivered.applicant.client.data(RecommendProjectDocument, { input });
    expect(byApplicant.recommendProject.userErrors).toEqual([expect.objectContaining({ code: 'WRONG_ROLE' })]);
    const stranger = await person(app(), ['STAFF'], undefined, { parkIds: [] });
    expect((await stranger.client.data(RecommendProjectDocument, { input })).recommendProject.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const tooLong = await delivered.staff.client.data(RecommendProjectDocument, { input: { ...input, library: '库'.repeat(201) } });
    expect(tooLong.recommendProject.userErrors).toEqual([expect.objectContaining({ code: 'TOO_LONG', field: ['input', 'library'] })]);

    const made = await delivered.staff.client.data(RecommendProjectDocument, { input });
    expect(made.recommendProject).toMatchObject({ userErrors: [], recommendation: { library: LIBRARY, note: '路演评分第一名。', project: { id: delivered.project.id }, recommendedBy: { id: delivered.staff.id } } });
    const again = await delivered.staff.client.data(RecommendProjectDocument, { input });
    expect(again.recommendProject.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'library'] })]);
    const seen = await delivered.applicant.client.data(ProjectRecommendationsDocument, { id: delivered.project.id });
    expect(seen.project!.recommendations).toEqual([{ id: made.recommendProject.recommendation!.id, library: LIBRARY }]);

    const { applicant } = await applicantOrganization(app());
    const draft = await project(applicant.client, (await program(app())).id);
    const early = await delivered.staff.client.data(RecommendProjectDocument, { input: { ...input, projectId: draft.id } });
    expect(early.recommendProject.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATUS' })]);
  });
});
