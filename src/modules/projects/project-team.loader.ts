import { rowMapper, type PageRow, type SelectedFields } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { readRows, sqlArray } from '../../shared/read.js';
import { andThen, rowValues, type Loader, type Maybe, type RowValues } from '../../shared/loaders.js';
import { rowSummary } from '../../shared/summaries.js';
import { Person } from '../people/person.entity.js';

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
      `select pr.id as team_project_id, t.role as team_role, ${rowValues(em.getMetadata().get(Person)).columns('p')}
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

/** A person as a team's summary shows them: who they are, as lists show them. */
export const PERSON_SUMMARY = rowSummary(Person, ['name', 'roles'], ['id', 'name', 'roles']);

/** The team of the project `projectId` (an SQL expression) as a JSON array of its members, each `[role, …the person's columns as people reads them]`. */
export const teamJsonSql = (people: RowValues<Person>, projectId: string, leadStaffId: string) =>
  `(select coalesce(json_agg(json_build_array(t.role, ${people.columns('p')}) order by t.since, p.id), '[]')
      from (${teamMembersSql(projectId, leadStaffId)}) t join person p on p.id = t.person_id)`;

/** A team from teamJsonSql's members. */
export function teamFromValues(people: RowValues<Person>, members: readonly (readonly unknown[])[]): ProjectTeam {
  const team: ProjectTeam = { leadStaff: null, mentors: [] };
  for (const member of members) {
    if (member[0] === 'LEAD') team.leadStaff = people.map(member, 1);
    else team.mentors.push(people.map(member, 1));
  }
  return team;
}

/**
 * Teams whose members carry only the summary's columns (the others null), for selections that read
 * only those (showsPersonSummary) where the request only reads: a board's mentors and lead staff by
 * name. Only such a selection may be answered from it; lists of projects fill it with their page.
 */
export function teamSummaryLoader(ctx: Context): Loader<ProjectTeam> {
  return ctx.loaders.keyed('projectTeamSummary', async (projectIds, em) => {
    const people = PERSON_SUMMARY.values(ctx.em);
    const rows = await readRows<{ id: string; team: unknown[][] }>(
      em,
      `select pr.id, ${teamJsonSql(people, 'pr.id', 'pr.lead_staff_id')} as team from project pr where pr.id = any(?::uuid[])`,
      [sqlArray(projectIds)],
    );
    const byProject = new Map(rows.map((row) => [row.id, teamFromValues(people, row.team)]));
    return projectIds.map((id) => byProject.get(id) ?? { leadStaff: null, mentors: [] });
  });
}

/**
 * The ids of the project's mentors, which decide what a mentor may see of it: from whichever of its
 * teams the request holds (whole or summary), else read with the whole team.
 */
export function mentorIdsOf(ctx: Context, projectId: string): Maybe<string[]> {
  const team = teamSummaryLoader(ctx).held(projectId) ?? teamLoader(ctx).held(projectId) ?? teamOf(ctx, projectId);
  return andThen(team, ({ mentors }) => mentors.map((mentor) => mentor.id));
}

/**
 * The team a selection of mentors or the lead staff member shows (`fields`): its summary where the
 * selection reads only the summary's fields and the request only reads, else the whole team.
 */
export function teamShowing(ctx: Context, projectId: string, fields: SelectedFields): Maybe<ProjectTeam> {
  return PERSON_SUMMARY.answers(ctx.em, fields) ? teamSummaryLoader(ctx).now(projectId) : teamOf(ctx, projectId);
}
