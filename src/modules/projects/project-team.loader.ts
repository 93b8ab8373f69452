import { rowMapper } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { Person } from '../people/person.entity.js';

export interface ProjectTeam {
  leadStaff: Person | null;
  /** In the order they were assigned. */
  mentors: Person[];
}

/**
 * The lead staff member and mentors of every project resolved in one request, in one statement:
 * lists show both, and the mentor list also decides who may see a project. Plain objects where the
 * request only reads (rowMapper).
 */
export function teamOf(ctx: Context, projectId: string): Promise<ProjectTeam> {
  return ctx.loaders
    .keyed('projectTeam', async (projectIds, em) => {
      const rows: (Record<string, unknown> & { team_project_id: string; team_role: 'LEAD' | 'MENTOR' })[] = await em.execute(
        `select t.project_id as team_project_id, t.role as team_role, p.id, p.created_at, p.email, p.name, p.roles, p.organization_id, p.deactivated_at
           from (select pm.project_id, 'MENTOR' as role, pm.mentor_id as person_id, pm.assigned_at as since
                   from project_mentor pm where pm.project_id in (?)
                 union all
                 select pr.id, 'LEAD', pr.lead_staff_id, null
                   from project pr where pr.id in (?) and pr.lead_staff_id is not null) t
           join person p on p.id = t.person_id
          order by t.since, p.id`,
        [[...projectIds], [...projectIds]],
      );
      const teams = new Map(projectIds.map((id): [string, ProjectTeam] => [id, { leadStaff: null, mentors: [] }]));
      const toPerson = rowMapper(em, Person);
      for (const { team_project_id, team_role, ...person } of rows) {
        const team = teams.get(team_project_id)!;
        const entity = toPerson(person);
        if (team_role === 'LEAD') team.leadStaff = entity;
        else team.mentors.push(entity);
      }
      return projectIds.map((id) => teams.get(id)!);
    })
    .load(projectId);
}
