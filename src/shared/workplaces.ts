import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Where each person works, as SQL columns over a person row aliased `p`: `park_ids`, their own parks
 * and every park of the districts they work for, and `district_ids`. The viewer of every request is
 * read with these (see Viewer), and assignments check named people with the same.
 */
export const WORKPLACE_COLUMNS = `
  array(select park_id from park_member where person_id = p.id
        union select k.id from park k join district_member d on d.district_id = k.district_id where d.person_id = p.id) as park_ids,
  array(select district_id from district_member where person_id = p.id) as district_ids`;

export interface Workplaces {
  parkIds: string[];
  districtIds: string[];
  /** The districts of all their parks, and those they work for. */
  anyDistrictIds: string[];
}

/** Where each of `personIds` works (every ID gets an entry), in one statement. */
export async function workplacesOf(em: EntityManager, personIds: string[]): Promise<Map<string, Workplaces>> {
  const rows: { id: string; park_ids: string[]; district_ids: string[]; any_district_ids: string[] }[] = personIds.length
    ? await em.execute(
      `select p.id, ${WORKPLACE_COLUMNS},
              array(select k.district_id from park_member m join park k on k.id = m.park_id where m.person_id = p.id
                    union select district_id from district_member where person_id = p.id) as any_district_ids
         from person p where p.id in (?)`,
      [personIds],
    )
    : [];
  const found = new Map(rows.map((row) => [row.id, { parkIds: row.park_ids, districtIds: row.district_ids, anyDistrictIds: row.any_district_ids }]));
  return new Map(personIds.map((id) => [id, found.get(id) ?? { parkIds: [], districtIds: [], anyDistrictIds: [] }]));
}

/** Whether someone working at `workplaces` works for this park or, for what no park has, anywhere in this district. */
export function worksFor(workplaces: Workplaces, { parkId, districtId }: { parkId: string | null; districtId: string | null }): boolean {
  if (parkId) return workplaces.parkIds.includes(parkId);
  return districtId !== null && workplaces.anyDistrictIds.includes(districtId);
}
