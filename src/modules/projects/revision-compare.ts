import type { ProposalRevision } from './proposal-revision.entity.js';

/** The comparable content of a revision (what a mentor reads), without identity or authorship. */
export type RevisionContent = Pick<
  ProposalRevision,
  'summary' | 'needs' | 'objectives' | 'activityPlan' | 'beneficiaries' | 'indicatorTargets' | 'budgetLines' | 'requestedAmount' | 'team'
>;

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';
type Item = Record<string, unknown>;

export interface ItemChange {
  change: ChangeKind;
  /** What identifies the item across revisions: a budget line's item, an indicator's name… */
  key: string;
  before: Item | null;
  after: Item | null;
  /** For CHANGED items, which of their properties differ. */
  changedProperties: string[];
}

export interface FieldChange {
  field: keyof RevisionContent;
  /** Plain fields: the value before and after, as text. Null for list fields. */
  before: string | null;
  after: string | null;
  /** List fields: the items added, removed and changed, matched by key. Empty for plain fields. */
  items: ItemChange[];
}

const TEXT_FIELDS = ['summary', 'needs', 'beneficiaries', 'requestedAmount'] as const;

/** Lists, each with the property that identifies its items from one revision to the next. */
const LIST_FIELDS = {
  objectives: null,
  activityPlan: 'title',
  indicatorTargets: 'name',
  budgetLines: 'item',
  team: 'name',
} as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compareList(before: unknown[], after: unknown[], keyProperty: string | null): ItemChange[] {
  const asItem = (value: unknown): Item => (keyProperty ? (value as Item) : { value });
  const keyOf = (item: Item) => String(keyProperty ? item[keyProperty] : item.value);
  const beforeByKey = new Map(before.map((v) => [keyOf(asItem(v)), asItem(v)]));
  const afterByKey = new Map(after.map((v) => [keyOf(asItem(v)), asItem(v)]));
  const changes: ItemChange[] = [];
  for (const [key, old] of beforeByKey) {
    const now = afterByKey.get(key);
    if (!now) changes.push({ change: 'REMOVED', key, before: old, after: null, changedProperties: [] });
    else if (!same(old, now)) {
      const properties = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter((p) => !same(old[p] ?? null, now[p] ?? null));
      if (properties.length) changes.push({ change: 'CHANGED', key, before: old, after: now, changedProperties: properties });
    }
  }
  for (const [key, now] of afterByKey) {
    if (!beforeByKey.has(key)) changes.push({ change: 'ADDED', key, before: null, after: now, changedProperties: [] });
  }
  return changes;
}

/** Field-by-field differences from one revision to another, in a fixed field order. */
export function compareRevisionContent(from: RevisionContent, to: RevisionContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ['summary', 'needs', 'objectives', 'activityPlan', 'beneficiaries', 'indicatorTargets', 'budgetLines', 'requestedAmount', 'team'] as const) {
    if ((TEXT_FIELDS as readonly string[]).includes(field)) {
      const before = String(from[field]);
      const after = String(to[field]);
      if (before !== after) changes.push({ field, before, after, items: [] });
    } else {
      const items = compareList(from[field] as unknown[], to[field] as unknown[], LIST_FIELDS[field as keyof typeof LIST_FIELDS]);
      if (items.length) changes.push({ field, before: null, after: null, items });
    }
  }
  return changes;
}
