import type { EntityManager } from '@mikro-orm/postgresql';
import { formatYuan, toFen } from '../../shared/money.js';
import { decodeId } from '../../shared/node-id.js';
import { UserErrorCode, fail, type Checks } from '../../shared/user-errors.js';
import type { Project } from '../projects/project.entity.js';
import { ProgramProjectType, ProjectType } from './taxonomy.entity.js';

/** Where a project stands for its type: its district, and the programme whose accepted types bound it. */
export interface TypeScope {
  districtId: string | null;
  programId: string;
}

/**
 * The type with this global ID, if a project of this district and programme may have it: a type of
 * the project's district, among the programme's accepted types when the programme lists any.
 */
export async function typeForProject(em: EntityManager, typeGlobalId: string, scope: TypeScope, field: string): Promise<ProjectType> {
  const id = decodeId(typeGlobalId, 'ProjectType');
  const type = id ? await em.findOne(ProjectType, { id }) : null;
  if (!type) fail(UserErrorCode.NOT_FOUND, field, 'No project type has that ID.');
  if (type.district.id !== scope.districtId) fail(UserErrorCode.TYPE_NOT_IN_PROGRAM, field, `${type.name} is a project type of another district than the project’s.`);
  const accepted = await em.find(ProgramProjectType, { program: scope.programId }, { populate: ['type'] });
  if (accepted.length && !accepted.some((row) => row.type.id === type.id)) {
    fail(UserErrorCode.TYPE_NOT_IN_PROGRAM, field, `The programme accepts only these types: ${accepted.map((row) => row.type.getEntity().name).sort().join(', ')}.`);
  }
  return type;
}

/** The project's type, if it has one. */
export const typeOfProject = (em: EntityManager, project: Project): Promise<ProjectType | null> =>
  project.type ? em.findOne(ProjectType, { id: project.type.id }) : Promise.resolve(null);

/** An amount (a request, a grant) within the cap of the project's type; no type or no cap, no limit. */
export function checkTypeCap(checks: Checks, type: ProjectType | null, amount: number, field: string, what: string): boolean {
  if (type?.maxGrant == null) return true;
  return checks.check(toFen(amount) <= toFen(type.maxGrant), UserErrorCode.ABOVE_TYPE_CAP, field,
    `${what} ${formatYuan(amount)} is above the maximum grant of ${formatYuan(type.maxGrant)} for ${type.name} projects.`);
}
