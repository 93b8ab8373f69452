import { ref, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { FIRST_YEAR, LAST_YEAR, MAX_CRITERION_SCORE, MAX_ITEMS, MAX_LENGTH, applicationWindow } from '../../shared/input-limits.js';
import { formatYuan, toFen } from '../../shared/money.js';
import { decodeId } from '../../shared/node-id.js';
import { requireAllowed } from '../../shared/permission.js';
import { Checks, UserErrorCode, fail } from '../../shared/user-errors.js';
import { AggregationRule, Program, type Criterion } from './program.entity.js';
import type { CreateProgramInput, CriterionInput, ProgramFieldsInput, UpdateProgramInput } from './program.inputs.js';
import { canManageProgram, canManagePrograms } from './program.permissions.js';
import { Park } from '../places/park.entity.js';
import { Place, PlaceLevel } from '../places/place.entity.js';

function checkRubric(checks: Checks, rubric: CriterionInput[], field: string, label: string) {
  const listed = checks.list(rubric, field, {
    label: `criteria of the ${label}`, max: MAX_ITEMS.criteria, required: `The ${label} needs at least one criterion.`, key: (c) => c.key, keyField: 'key',
    each: (criterion, at) => {
      checks.check(/^[a-z][a-z0-9_]{0,39}$/.test(criterion.key), UserErrorCode.INVALID_FORMAT, `${at}.key`,
        'A criterion key is 1–40 lower-case letters, digits or underscores, starting with a letter.');
      checks.text(criterion.title, `${at}.title`, 'Criterion title', MAX_LENGTH.name);
      checks.number(criterion.weight, `${at}.weight`, 'A weight, in percent,', { above: true, max: 100 });
      checks.number(criterion.maxScore, `${at}.maxScore`, 'A maximum score', { above: true, max: MAX_CRITERION_SCORE });
    },
  });
  if (!listed) return;
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

  if (input.name !== undefined) checks.text(input.name, 'input.name', 'Name', MAX_LENGTH.title);
  if (input.funder !== undefined) checks.text(input.funder, 'input.funder', 'Funder', MAX_LENGTH.title);
  if (input.year !== undefined) checks.number(input.year, 'input.year', 'The year', { min: FIRST_YEAR, max: LAST_YEAR });
  if (input.focusAreas !== undefined) {
    checks.list(input.focusAreas, 'input.focusAreas', {
      label: 'focus areas', max: MAX_ITEMS.focusAreas, required: 'Give at least one focus area.', key: (a) => a.trim(),
      each: (area, at) => checks.text(area, at, 'A focus area', MAX_LENGTH.name),
    });
  }
  if (input.budgetPool !== undefined) checks.amount(input.budgetPool, 'input.budgetPool', 'The budget pool');
  if (input.maxGrant !== undefined) checks.amount(input.maxGrant, 'input.maxGrant', 'The maximum grant');
  if (input.proposalRubric !== undefined) checkRubric(checks, input.proposalRubric, 'input.proposalRubric', 'proposal rubric');
  if (input.closingRubric !== undefined) checkRubric(checks, input.closingRubric, 'input.closingRubric', 'closing rubric');
  if (input.minEvaluators !== undefined) checks.number(input.minEvaluators, 'input.minEvaluators', 'The minimum of evaluators', { min: 1, max: MAX_ITEMS.evaluators });
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
  const window = applicationWindow(program.year);
  checks.date(program.applicationsOpenAt, 'input.applicationsOpenAt', 'The opening of applications', window);
  checks.date(program.applicationsCloseAt, 'input.applicationsCloseAt', 'The submission deadline', window);
  checks.check(program.applicationsOpenAt < program.applicationsCloseAt, UserErrorCode.INVALID_DATES, 'input.applicationsCloseAt',
    'The submission deadline must come after applications open.');
  checks.throwIfAny();
}

async function checkNameFree(em: EntityManager, program: Program) {
  if (await em.count(Program, { name: program.name, id: { $ne: program.id } })) {
    fail(UserErrorCode.DUPLICATE, 'input.name', 'Another programme already has that name.');
  }
}

/** The district (and, for a park's own programme, the park) that runs a new programme. */
async function placeProgram(em: EntityManager, program: Program, input: CreateProgramInput) {
  if (input.parkId) {
    const id = decodeId(input.parkId, 'Park');
    const park = id ? await em.findOne(Park, { id }) : null;
    if (!park) fail(UserErrorCode.NOT_FOUND, 'input.parkId', 'No park has that ID.');
    const districtId = input.districtId ? decodeId(input.districtId, 'Place') : park.district.id;
    if (districtId !== park.district.id) fail(UserErrorCode.INVALID_PLACE, 'input.districtId', `${park.name} is in another district.`);
    program.park = ref(park);
    program.district = ref(Place, park.district.id);
  } else if (input.districtId) {
    const id = decodeId(input.districtId, 'Place');
    const district = id ? await em.findOne(Place, { id }) : null;
    if (!district) fail(UserErrorCode.NOT_FOUND, 'input.districtId', 'No place has that ID.');
    if (district.level !== PlaceLevel.DISTRICT) fail(UserErrorCode.INVALID_PLACE, 'input.districtId', `${district.name} is not a district.`);
    program.district = ref(district);
  }
}

export async function createProgram(ctx: Context, input: CreateProgramInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, canManagePrograms, 'create programmes');
  const program = new Program();
  applyFields(program, input);
  await placeProgram(em, program, input);
  if (!canManageProgram(ctx.viewer, program)) {
    fail(UserErrorCode.OUTSIDE_WORKPLACE, input.parkId ? 'input.parkId' : 'input.districtId',
      input.parkId || input.districtId ? 'You run programmes only for the parks and districts you work for.' : 'Only administrators run platform-wide programmes: name the district (or park).');
  }
  await checkNameFree(em, program);
  em.persist(program);
  await em.flush();
  return { program };
}

export async function updateProgram(ctx: Context, input: UpdateProgramInput) {
  const { em } = ctx;
  requireAllowed(ctx.viewer, canManagePrograms, 'edit programmes');
  const id = decodeId(input.programId, 'Program');
  const program = id ? await em.findOne(Program, { id }) : null;
  if (!program) fail(UserErrorCode.NOT_FOUND, 'input.programId', 'No programme has that ID.');
  if (!canManageProgram(ctx.viewer, program)) fail(UserErrorCode.WRONG_ROLE, 'input.programId', 'Only the staff of the park or district that runs it change a programme.');
  applyFields(program, input);
  await checkNameFree(em, program);
  await em.flush();
  return { program };
}
