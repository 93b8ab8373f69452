import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { Role, requireRole, requireViewer } from '../../shared/auth.js';
import { findPage, type PageArgs } from '../../shared/connection.js';
import { notFound } from '../../shared/errors.js';
import { formatYuan, isMoney, toFen } from '../../shared/money.js';
import { decodeId } from '../../shared/node-id.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { AggregationRule, Program, type Criterion } from './program.entity.js';
import type { CreateProgramInput, CriterionInput, ProgramFieldsInput, UpdateProgramInput } from './program.inputs.js';

/** Every signed-in person may read programmes: they are public calls. */
export async function getProgram(ctx: Context, globalId: string): Promise<Program> {
  requireViewer(ctx.viewer);
  const id = decodeId(globalId, 'Program');
  const program = id ? await ctx.loaders.byId(Program).load(id) : null;
  if (!program) throw notFound('Program');
  return program;
}

export function listPrograms(ctx: Context, args: PageArgs, year?: number | null) {
  requireViewer(ctx.viewer);
  return findPage(ctx.em, Program, year ? { year } : {}, { year: 'desc', name: 'asc', id: 'asc' }, args);
}

function checkRubric(checks: Checks, rubric: CriterionInput[], field: string, label: string) {
  if (!checks.check(rubric.length > 0, UserErrorCode.REQUIRED, field, `The ${label} needs at least one criterion.`)) return;
  const keys = new Set<string>();
  rubric.forEach((criterion, i) => {
    const at = `${field}.${i}`;
    checks.check(/^[a-z][a-z0-9_]{0,39}$/.test(criterion.key), UserErrorCode.INVALID_FORMAT, `${at}.key`,
      'A criterion key is 1–40 lower-case letters, digits or underscores, starting with a letter.');
    checks.check(!keys.has(criterion.key), UserErrorCode.DUPLICATE, `${at}.key`, `The key "${criterion.key}" is used twice in the ${label}.`);
    keys.add(criterion.key);
    checks.text(criterion.title, `${at}.title`, 'Criterion title', 100);
    checks.check(criterion.weight > 0 && criterion.weight <= 100, UserErrorCode.OUT_OF_RANGE, `${at}.weight`, 'A weight is a percentage above 0 and at most 100.');
    checks.check(criterion.maxScore > 0 && criterion.maxScore <= 1000, UserErrorCode.OUT_OF_RANGE, `${at}.maxScore`, 'A maximum score is above 0 and at most 1000.');
  });
  const total = rubric.reduce((sum, c) => sum + c.weight, 0);
  checks.check(Math.abs(total - 100) < 1e-9, UserErrorCode.WEIGHTS_NOT_100, field, `The ${label}’s weights add up to ${+total.toFixed(4)}%; they must add up to 100%.`);
}

const toCriteria = (rubric: CriterionInput[]): Criterion[] =>
  rubric.map(({ key, title, weight, maxScore }) => ({ key, title: title.trim(), weight, maxScore }));

/** Applies the given fields to the programme, validating them against the programme as it will be. */
function applyFields(program: Program, input: ProgramFieldsInput) {
  const checks = new Checks();
  const notNull = (value: unknown, field: string) => checks.check(value !== null, UserErrorCode.REQUIRED, `input.${field}`, `${field} cannot be cleared.`);
  for (const [field, value] of Object.entries(input)) if (field !== 'programId') notNull(value, field);
  checks.throwIfAny();

  if (input.name !== undefined) checks.text(input.name, 'input.name', 'Name', 200);
  if (input.funder !== undefined) checks.text(input.funder, 'input.funder', 'Funder', 200);
  if (input.year !== undefined) checks.check(input.year >= 2000 && input.year <= 2100, UserErrorCode.OUT_OF_RANGE, 'input.year', 'The year must be between 2000 and 2100.');
  if (input.focusAreas !== undefined) {
    const areas = input.focusAreas.map((a) => a.trim());
    checks.check(areas.length > 0, UserErrorCode.REQUIRED, 'input.focusAreas', 'Give at least one focus area.');
    areas.forEach((area, i) => checks.text(area, `input.focusAreas.${i}`, 'A focus area', 100));
    checks.check(new Set(areas).size === areas.length, UserErrorCode.DUPLICATE, 'input.focusAreas', 'Each focus area may be listed once.');
  }
  if (input.budgetPool !== undefined) checks.check(isMoney(input.budgetPool), UserErrorCode.OUT_OF_RANGE, 'input.budgetPool', 'The budget pool is a positive amount in yuan with at most two decimals.');
  if (input.maxGrant !== undefined) checks.check(isMoney(input.maxGrant), UserErrorCode.OUT_OF_RANGE, 'input.maxGrant', 'The maximum grant is a positive amount in yuan with at most two decimals.');
  if (input.proposalRubric !== undefined) checkRubric(checks, input.proposalRubric, 'input.proposalRubric', 'proposal rubric');
  if (input.closingRubric !== undefined) checkRubric(checks, input.closingRubric, 'input.closingRubric', 'closing rubric');
  if (input.minEvaluators !== undefined) checks.check(input.minEvaluators >= 1 && input.minEvaluators <= 20, UserErrorCode.OUT_OF_RANGE, 'input.minEvaluators', 'Between 1 and 20 evaluators.');
  if (input.gradeThresholds !== undefined) {
    const { excellent, good, pass } = input.gradeThresholds;
    checks.check(0 < pass && pass < good && good < excellent && excellent <= 100, UserErrorCode.OUT_OF_RANGE, 'input.gradeThresholds',
      'Grade thresholds must rise: 0 < pass < good < excellent ≤ 100.');
  }
  checks.throwIfAny();

  const { programId: _, proposalRubric, closingRubric, focusAreas, gradeThresholds, ...plain } = input as UpdateProgramInput;
  Object.assign(program, plain);
  if (input.name !== undefined) program.name = input.name.trim();
  if (input.funder !== undefined) program.funder = input.funder.trim();
  if (focusAreas) program.focusAreas = focusAreas.map((a) => a.trim());
  if (proposalRubric) program.proposalRubric = toCriteria(proposalRubric);
  if (closingRubric) program.closingRubric = toCriteria(closingRubric);
  if (gradeThresholds) program.gradeThresholds = { ...gradeThresholds };

  checks.check(toFen(program.maxGrant) <= toFen(program.budgetPool), UserErrorCode.MAX_GRANT_ABOVE_BUDGET, 'input.maxGrant',
    `The maximum grant (${formatYuan(program.maxGrant)}) cannot exceed the budget pool (${formatYuan(program.budgetPool)}).`);
  checks.check(program.aggregationRule !== AggregationRule.TRIMMED_MEAN || program.minEvaluators >= 3, UserErrorCode.OUT_OF_RANGE, 'input.minEvaluators',
    'Dropping the highest and lowest score needs at least 3 evaluators per project: raise minEvaluators or use MEAN.');
  checks.check(program.applicationsOpenAt < program.applicationsCloseAt, UserErrorCode.INVALID_DATES, 'input.applicationsCloseAt',
    'The submission deadline must come after applications open.');
  checks.throwIfAny();
}

async function checkNameFree(em: EntityManager, program: Program) {
  if (await em.count(Program, { name: program.name, id: { $ne: program.id } })) {
    fail(UserErrorCode.DUPLICATE, 'input.name', 'Another programme already has that name.');
  }
}

export async function createProgram(ctx: Context, input: CreateProgramInput) {
  const { em } = ctx;
  requireRole(ctx.viewer, 'create programmes', Role.ADMIN, Role.STAFF);
  const program = new Program();
  applyFields(program, input);
  await checkNameFree(em, program);
  em.persist(program);
  await em.flush();
  return { program };
}

export async function updateProgram(ctx: Context, input: UpdateProgramInput) {
  const { em } = ctx;
  requireRole(ctx.viewer, 'edit programmes', Role.ADMIN, Role.STAFF);
  const id = decodeId(input.programId, 'Program');
  const program = id ? await em.findOne(Program, { id }) : null;
  if (!program) fail(UserErrorCode.NOT_FOUND, 'input.programId', 'No programme has that ID.');
  applyFields(program, input);
  await checkNameFree(em, program);
  await em.flush();
  return { program };
}
