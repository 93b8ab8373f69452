import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateOrganizationDocument,
  CreateProgramDocument,
  OrganizationDocument,
  OrganizationsDocument,
  ProgramsDocument,
  UpdateOrganizationDocument,
  UpdateProgramDocument,
} from './generated/graphql.js';
import { useTestApp } from './support/app.js';
import { creditCode, home, organization, person, program, programInput } from './support/factories.js';

const app = useTestApp();

const orgInput = { kind: 'SOCIAL_WORK_AGENCY' as const, placeId: '', contactName: '陈主任', contactPhone: '0755-26661234' };
let streetId: string;
beforeAll(async () => {
  const places = await home(app());
  orgInput.placeId = places.districtId;
  streetId = places.streetId;
});

describe('organisations', () => {
  it('registers an organisation with Chinese names intact and a normalised credit code', async () => {
    const code = creditCode();
    const result = await app().admin.data(CreateOrganizationDocument, {
      input: { ...orgInput, name: '深圳市南山区四十九度大榕树社会服务社', creditCode: ` ${code.toLowerCase()} `, placeId: (await home(app())).communityId },
    });
    expect(result.createOrganization).toMatchObject({
      userErrors: [],
      organization: { name: '深圳市南山区四十九度大榕树社会服务社', creditCode: code, street: '南头街道', community: '田厦社区' },
    });
    const fetched = await app().admin.data(OrganizationDocument, { id: result.createOrganization.organization!.id });
    expect(fetched.organization!.name).toBe('深圳市南山区四十九度大榕树社会服务社');
  });

  it.each([
    ['91350100M000100Y4', 'exactly 18 characters'],
    ['91350100M000100Y4O', 'digits and the capitals'],
    ['91350100M000100Y44', 'does not match'],
  ])('rejects the credit code %s and writes nothing', async (code, message) => {
    const before = (await app().admin.data(OrganizationsDocument, {})).organizations!.totalCount;
    const result = await app().admin.data(CreateOrganizationDocument, { input: { ...orgInput, name: `坏代码 ${code}`, creditCode: code } });
    expect(result.createOrganization.organization).toBeNull();
    expect(result.createOrganization.userErrors).toEqual([{ code: 'INVALID_CREDIT_CODE', field: ['input', 'creditCode'], message: expect.stringContaining(message) }]);
    expect((await app().admin.data(OrganizationsDocument, {})).organizations!.totalCount).toBe(before);
  });

  it('lets only resident groups go without a credit code', async () => {
    const registered = await app().admin.data(CreateOrganizationDocument, { input: { ...orgInput, name: '无代码社工机构' } });
    expect(registered.createOrganization.userErrors.map((e) => e.code)).toEqual(['CREDIT_CODE_REQUIRED']);
    const group = await app().admin.data(CreateOrganizationDocument, {
      input: { ...orgInput, kind: 'RESIDENT_GROUP', name: '同心南园邻里互助会', contactPhone: '13800138000' },
    });
    expect(group.createOrganization).toMatchObject({ userErrors: [], organization: { kind: 'RESIDENT_GROUP', creditCode: null } });
    const clear = await app().admin.data(UpdateOrganizationDocument, { input: { organizationId: group.createOrganization.organization!.id, kind: 'SOCIAL_ORGANIZATION' } });
    expect(clear.updateOrganization.userErrors.map((e) => e.code)).toEqual(['CREDIT_CODE_REQUIRED']);
  });

  it('refuses duplicates and blank required fields, reporting each', async () => {
    const existing = await organization(app());
    const result = await app().admin.data(CreateOrganizationDocument, {
      input: { ...orgInput, name: existing.name, creditCode: existing.creditCode, contactName: '  ', contactPhone: 'call me' },
    });
    expect(result.createOrganization.userErrors.map((e) => [e.code, e.field?.at(-1)])).toEqual([
      ['REQUIRED', 'contactName'],
      ['INVALID_FORMAT', 'contactPhone'],
    ]);
    const duplicate = await app().admin.data(CreateOrganizationDocument, { input: { ...orgInput, name: existing.name, creditCode: existing.creditCode } });
    expect(duplicate.createOrganization.userErrors.map((e) => [e.code, e.field?.at(-1)])).toEqual([
      ['DUPLICATE', 'name'],
      ['DUPLICATE', 'creditCode'],
    ]);
  });

  it('updates only the fields given', async () => {
    const existing = await organization(app());
    const result = await app().admin.data(UpdateOrganizationDocument, { input: { organizationId: existing.id, contactName: '王主任', placeId: streetId } });
    expect(result.updateOrganization).toMatchObject({ userErrors: [], organization: { contactName: '王主任', street: '南头街道', community: null, name: existing.name, creditCode: existing.creditCode } });
  });

  it('is managed by staff only', async () => {
    const mentor = await person(app(), ['MENTOR']);
    expect(await mentor.client.errorCode(CreateOrganizationDocument, { input: { ...orgInput, name: 'X', creditCode: creditCode() } })).toBe('FORBIDDEN');
  });
});

describe('programmes', () => {
  it('creates a programme with its rubrics and settings', async () => {
    const created = await program(app(), { name: '2022年龙岗区公益创投大赛', blindReview: true, aggregationRule: 'TRIMMED_MEAN', gradeThresholds: { excellent: 90, good: 80, pass: 60 } });
    expect(created).toMatchObject({
      name: '2022年龙岗区公益创投大赛',
      isOpen: true,
      blindReview: true,
      aggregationRule: 'TRIMMED_MEAN',
      proposalRubric: [{ key: 'need', title: '需求分析', weight: 30, maxScore: 30 }, { key: 'design' }, { key: 'capacity' }],
      gradeThresholds: { excellent: 90, good: 80, pass: 60 },
    });
  });

  it('refuses rubrics whose weights do not sum to 100, and other bad settings, writing nothing', async () => {
    const before = (await app().admin.data(ProgramsDocument, {})).programs!.totalCount;
    const result = await app().admin.data(CreateProgramDocument, {
      input: programInput({
        proposalRubric: [
          { key: 'need', title: '需求分析', weight: 30, maxScore: 30 },
          { key: 'need', title: '项目设计', weight: 40, maxScore: 0 },
        ],
        closingRubric: [{ key: 'Outcomes', title: '目标达成', weight: 100, maxScore: 100 }],
        maxGrant: 2_000_000,
        minEvaluators: 0,
        gradeThresholds: { excellent: 80, good: 90, pass: 60 },
      }),
    });
    expect(result.createProgram.program).toBeNull();
    expect(result.createProgram.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['DUPLICATE', 'input.proposalRubric.1.key'],
      ['OUT_OF_RANGE', 'input.proposalRubric.1.maxScore'],
      ['WEIGHTS_NOT_100', 'input.proposalRubric'],
      ['INVALID_FORMAT', 'input.closingRubric.0.key'],
      ['OUT_OF_RANGE', 'input.minEvaluators'],
      ['OUT_OF_RANGE', 'input.gradeThresholds'],
    ]);
    expect(result.createProgram.userErrors[2].message).toContain('add up to 70%');

    const trimmedTooFew = await app().admin.data(CreateProgramDocument, { input: programInput({ aggregationRule: 'TRIMMED_MEAN', minEvaluators: 2 }) });
    expect(trimmedTooFew.createProgram.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['OUT_OF_RANGE', 'input.minEvaluators']]);
    const overBudget = await app().admin.data(CreateProgramDocument, { input: programInput({ maxGrant: 2_000_000 }) });
    expect(overBudget.createProgram.userErrors.map((e) => e.code)).toEqual(['MAX_GRANT_ABOVE_BUDGET']);
    const backwards = await app().admin.data(CreateProgramDocument, {
      input: programInput({ applicationsOpenAt: '2026-06-01T00:00:00Z', applicationsCloseAt: '2026-05-01T00:00:00Z' }),
    });
    expect(backwards.createProgram.userErrors.map((e) => e.code)).toEqual(['INVALID_DATES']);
    expect((await app().admin.data(ProgramsDocument, {})).programs!.totalCount).toBe(before);
  });

  it('updates a programme, checking the result as a whole', async () => {
    const created = await program(app());
    const tooBig = await app().admin.data(UpdateProgramDocument, { input: { programId: created.id, budgetPool: 50_000 } });
    expect(tooBig.updateProgram.userErrors.map((e) => e.code)).toEqual(['MAX_GRANT_ABOVE_BUDGET']);
    const ok = await app().admin.data(UpdateProgramDocument, { input: { programId: created.id, minEvaluators: 5, blindReview: true } });
    expect(ok.updateProgram).toMatchObject({ userErrors: [], program: { minEvaluators: 5, blindReview: true, budgetPool: 1_000_000 } });
  });

  it('can be read by every role but managed by staff only', async () => {
    const created = await program(app());
    const evaluator = await person(app(), ['EVALUATOR']);
    expect((await evaluator.client.data(ProgramsDocument, {})).programs!.nodes.map((p) => p.id)).toContain(created.id);
    expect(await evaluator.client.errorCode(CreateProgramDocument, { input: programInput() })).toBe('FORBIDDEN');
  });
});
