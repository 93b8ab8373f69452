import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows, sqlArray } from '../../shared/read.js';
import { ResourceKind } from './resource-offer.entity.js';

/** Whose figures: some parks (null: every park of the district), within a district (null: every district). */
export interface ResourceScope {
  parkIds: string[] | null;
  districtId: string | null;
}

/** A period, from `from` (inclusive) to `to` (exclusive). */
export interface ResourcePeriod {
  from: Date;
  to: Date;
}

export interface ResourceFigureTotals {
  offers: number;
  matchesProposed: number;
  matchesDelivered: number;
  valueBrokered: number;
  byKind: { kind: ResourceKind; delivered: number; value: number }[];
  projectsServed: number;
}

/**
 * The scope as a condition on the rows of `alias` (offers and matches both carry park_id and
 * district_id), with its parameters. One statement text whatever the scope, so it is planned alike.
 */
function scopeSql(alias: string, scope: ResourceScope) {
  const parkIds = scope.parkIds ? sqlArray(scope.parkIds) : null;
  return {
    text: `(?::uuid[] is null or ${alias}.park_id = any(?::uuid[])) and (?::uuid is null or ${alias}.district_id = ?::uuid)`,
    params: [parkIds, parkIds, scope.districtId, scope.districtId],
  };
}

/** The matches of the scope delivered in the period: the rows behind every delivery figure. */
function deliveredSql(scope: ResourceScope, period: ResourcePeriod) {
  const where = scopeSql('m', scope);
  return {
    text: `select m.id, m.project_id, m.value_brokered, m.delivered_at, o.kind
             from resource_match m join resource_offer o on o.id = m.offer_id
            where m.status = 'DELIVERED' and m.delivered_at >= ? and m.delivered_at < ? and ${where.text}`,
    params: [period.from, period.to, ...where.params],
  };
}

/**
 * Resource matching in a period, for the operations report: offers created, matches proposed,
 * matches delivered and the value they brokered (by the kind of their offer too), and the projects
 * served by a delivery. One statement, of plain rows.
 */
export async function resourceFigures(em: EntityManager, scope: ResourceScope, period: ResourcePeriod): Promise<ResourceFigureTotals> {
  const delivered = deliveredSql(scope, period);
  const offers = scopeSql('o', scope);
  const matches = scopeSql('m', scope);
  const [row] = await readRows<{ offers: string; matches_proposed: string; matches_delivered: string; value_brokered: string; projects_served: string; by_kind: { kind: ResourceKind; delivered: number; value: string }[] }>(
    em,
    `with delivered as (${delivered.text})
     select (select count(*) from resource_offer o where o.created_at >= ? and o.created_at < ? and ${offers.text}) as offers,
            (select count(*) from resource_match m where m.created_at >= ? and m.created_at < ? and ${matches.text}) as matches_proposed,
            (select count(*) from delivered) as matches_delivered,
            (select coalesce(sum(value_brokered), 0) from delivered) as value_brokered,
            (select count(distinct project_id) from delivered) as projects_served,
            (select coalesce(json_agg(json_build_object('kind', kind, 'delivered', n, 'value', v::text)), '[]'::json)
               from (select kind, count(*) as n, sum(value_brokered) as v from delivered group by kind) k) as by_kind`,
    [...delivered.params, period.from, period.to, ...offers.params, period.from, period.to, ...matches.params],
    // A park's figures and a district's read very different numbers of rows: planned for each.
    { prepare: false },
  );
  const byKind = new Map(row.by_kind.map((k) => [k.kind, k]));
  return {
    offers: Number(row.offers),
    matchesProposed: Number(row.matches_proposed),
    matchesDelivered: Number(row.matches_delivered),
    valueBrokered: Number(row.value_brokered),
    byKind: Object.values(ResourceKind).map((kind) => ({ kind, delivered: Number(byKind.get(kind)?.delivered ?? 0), value: Number(byKind.get(kind)?.value ?? 0) })),
    projectsServed: Number(row.projects_served),
  };
}

/** The IDs (database UUIDs) of the matches `resourceFigures` counts as delivered, in the order they were delivered: the report's drill-down. */
export async function deliveredMatchIds(em: EntityManager, scope: ResourceScope, period: ResourcePeriod): Promise<string[]> {
  const delivered = deliveredSql(scope, period);
  const rows = await readRows<{ id: string }>(em, `select d.id from (${delivered.text}) d order by d.delivered_at, d.id`, delivered.params, { prepare: false });
  return rows.map((row) => row.id);
}
