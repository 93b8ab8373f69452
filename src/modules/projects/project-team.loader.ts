import { rowMapper, type PageRow } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { readRows, sqlArray } from '../../shared/read.js';
import type { Loader, Maybe } from '../../shared/loaders.js';
import { Person } from '../people/person.entity.js';
import { PERSON_COLUMNS } from '../people/person.queries.js';

export interface ProjectTeam {
  leadStaff: Person | null;
  /** In the order they were assigned. */
  mentors: Person[];
}

/** A member of a project's team as the team statement reads it: the person's columns (the password hash left out) and the role. */
export type TeamRow = Record<string, unknown> & { team_role: 'LEAD' | 'MENTOR' };

/** The members of the project `projectId` (an SQL expression), mentors in the order they were assigned, as `t.role`, `t.person_id`, `t.since`. */
export const teamMembersSql = (projectId: string, leadStaffId: string) =>
  `select pm.mentor_id as person_id, 'MENTOR' as role, pm.assigned_at as since from project_mentor pm where pm.project_id = ${projectId}
   union all
   select ${leadStaffId}, 'LEAD', null where ${leadStaffId} is not null`;

/** A team from its members' rows, in the order read. */
export function teamFrom(ctx: Context, rows: TeamRow[]): ProjectTeam {
  const toPerson = rowMapper(ctx.em, Person);
  const team: ProjectTeam = { leadStaff: null, mentors: [] };
  for (const { team_role, ...person } of rows) {
    if (team_role === 'LEAD') team.leadStaff = toPerson(person as PageRow);
    else team.mentors.push(toPerson(person as PageRow));
  }
  return team;
}

/**
 * The lead staff member and mentors of every project resolved in one request, in one statement:
 * lists show both, and the mentor list also decides who may see a project. Plain objects where the
 * request only reads (rowMapper). A list of projects may fill it along with its page (see
 * project.queries.ts).
 */
export function teamLoader(ctx: Context): Loader<ProjectTeam> {
  return ctx.loaders.keyed('projectTeam', async (projectIds, em) => {
    const rows = await readRows<TeamRow & { team_project_id: string }>(
      em,
      `select pr.id as team_project_id, t.role as team_role, ${PERSON_COLUMNS.map((column) => `p.${column}`).join(', ')}
         from project pr
         cross join lateral (${teamMembersSql('pr.id', 'pr.lead_staff_id')}) t
         join person p on p.id = t.person_id
        where pr.id = any(?::uuid[])
        order by pr.id, t.since, p.id`,
      [sqlArray(projectIds)],
    );
    const byProject = new Map(projectIds.map((id): [string, TeamRow[]] => [id, []]));
    for (const { team_project_id, ...row } of rows) byProject.get(team_project_id)!.push(row);
    return projectIds.map((id) => teamFrom(ctx, byProject.get(id)!));
  });
}

/** The project's team: at once when the request holds it (a page primes it). */
export const teamOf = (ctx: Context, projectId: string): Maybe<ProjectTeam> => teamLoader(ctx).now(projectId);
