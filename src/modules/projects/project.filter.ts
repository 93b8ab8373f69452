import { createHash } from 'node:crypto';
import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import { Field, ID, InputType } from 'type-graphql';
import { Role, hasRole, isStaff, type Viewer } from '../../shared/auth.js';
import { badInput } from '../../shared/errors.js';
import { MAX_LENGTH } from '../../shared/input-limits.js';
import { decodeId } from '../../shared/node-id.js';
import type { ListOrder } from '../../shared/connection.js';
import { ProjectStatus, type Project } from './project.entity.js';

/** The longest search text: long enough for a title, short enough that every search stays cheap. */
export const MAX_SEARCH_LENGTH = 100;

@InputType({ description: 'Narrows a list of projects; every filter given must hold (AND), always within the projects the viewer may see.' })
export class ProjectFilter {
  @Field(() => [ProjectStatus], { nullable: true, description: 'Only projects in one of these statuses.' })
  statuses?: ProjectStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only projects whose lead staff member is this person.' })
  leadStaffId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only projects this person mentors.' })
  mentorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '“My projects”: only those the viewer leads as staff or mentors. `false` is no filter.' })
  mine?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only projects in this focus area, exactly as the programme names it (e.g. 禁毒宣传).' })
  focusArea?: string | null;

  @Field(() => String, { nullable: true, description: 'Only projects of organisations in this district (区), e.g. 南山区.' })
  district?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only projects coached by this park.' })
  parkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only projects of this project type.' })
  typeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only projects whose type is in this area of work.' })
  areaId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Text found anywhere in the title, the organisation’s name or the current revision’s summary, ignoring case (Chinese included; one character is enough). At most ${MAX_SEARCH_LENGTH} characters, trimmed.`,
  })
  search?: string | null;
}

/** `%`, `_` and the escape character are literal in a search: only the whole text is matched. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function globalIdOf(globalId: string, type: string, argument: string): string {
  const id = decodeId(globalId, type);
  if (!id) throw badInput(`filter.${argument} is not a ${type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} ID.`);
  return id;
}

const personId = (globalId: string, argument: string) => globalIdOf(globalId, 'Person', argument);

function boundedText(value: string, argument: string, max: number): string {
  const text = value.trim();
  if (!text) throw badInput(`filter.${argument} is empty: leave it out to match every project.`);
  if (text.length > max) throw badInput(`filter.${argument} must be at most ${max} characters (it has ${text.length}).`);
  return text;
}

/**
 * The filter as SQL conditions on Project. Conditions on other tables are subqueries, never joins,
 * so a project matching twice (two mentors, a title and a summary) is still one row; each search
 * branch is answered by its own trigram index (migrations/Migration20261130130000.ts).
 */
export function projectFilterQuery(viewer: Viewer, filter: ProjectFilter | null | undefined): FilterQuery<Project> {
  if (!filter) return {};
  const where: FilterQuery<Project>[] = [];
  if (filter.statuses) where.push({ status: { $in: filter.statuses } });
  if (filter.leadStaffId) where.push({ leadStaff: personId(filter.leadStaffId, 'leadStaffId') });
  if (filter.mentorId) where.push({ id: { $in: raw('(select project_id from project_mentor where mentor_id = ?)', [personId(filter.mentorId, 'mentorId')]) } });
  if (filter.mine) {
    const mine: FilterQuery<Project>[] = [];
    if (isStaff(viewer)) mine.push({ leadStaff: viewer.id });
    if (hasRole(viewer, Role.MENTOR)) mine.push({ id: { $in: raw('(select project_id from project_mentor where mentor_id = ?)', [viewer.id]) } });
    where.push(mine.length ? { $or: mine } : { id: { $in: [] } });
  }
  if (filter.focusArea != null) where.push({ focusArea: boundedText(filter.focusArea, 'focusArea', MAX_LENGTH.name) });
  if (filter.district != null) {
    where.push({ organization: { $in: raw('(select o.id from organization o join place d on d.id = o.district_id where d.name = ?)', [boundedText(filter.district, 'district', MAX_LENGTH.place)]) } });
  }
  if (filter.parkId != null) where.push({ park: globalIdOf(filter.parkId, 'Park', 'parkId') });
  if (filter.typeId != null) where.push({ type: globalIdOf(filter.typeId, 'ProjectType', 'typeId') });
  if (filter.areaId != null) where.push({ type: { $in: raw('(select id from project_type where area_id = ?)', [globalIdOf(filter.areaId, 'ProjectArea', 'areaId')]) } });
  if (filter.search != null) {
    const pattern = likePattern(boundedText(filter.search, 'search', MAX_SEARCH_LENGTH));
    where.push({
      id: {
        $in: raw(
          `(select id from project where title ilike ?
            union select p.id from project p join organization o on o.id = p.organization_id where o.name ilike ?
            union select p.id from project p join proposal_revision r on r.id = p.current_revision_id where r.summary ilike ?)`,
          [pattern, pattern, pattern],
        ),
      },
    });
  }
  return where.length ? { $and: where } : {};
}

/**
 * The order with the filter written into its name, so a cursor only works for the filter (and
 * order) that gave it out: the place it marks means nothing in another list. An unfiltered list
 * keeps the plain order's name, and its cursors.
 */
export function filteredOrder(order: ListOrder, filter: Record<string, unknown>): ListOrder {
  const given = Object.entries(filter).filter(([, value]) => value != null && value !== false);
  if (!given.length) return order;
  const fingerprint = createHash('sha256').update(JSON.stringify(given.sort(([a], [b]) => a.localeCompare(b)))).digest('base64url').slice(0, 16);
  return { ...order, name: `${order.name}:${fingerprint}` };
}
