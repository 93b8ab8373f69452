import { toFen } from '../../shared/money.js';
import type { ProposalRevision } from './proposal-revision.entity.js';

/** The comparable content of a revision (what a mentor reads), without identity or authorship. */
export type RevisionContent = Pick<
  ProposalRevision,
  'summary' | 'needs' | 'objectives' | 'activityPlan' | 'beneficiaries' | 'indicatorTargets' | 'budgetLines' | 'requestedAmount' | 'team'
>;

export type TextField = 'summary' | 'needs' | 'beneficiaries';
export type ListField = 'objectives' | 'activityPlan' | 'indicatorTargets' | 'budgetLines' | 'team';
export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

export interface ItemChange {
  /** The list the item belongs to, which says what the item is. */
  field: ListField;
  change: ChangeKind;
  /** The item's identifying text (the later one's for a CHANGED item): an objective, a title, a name. */
  key: string;
  before: unknown;
  after: unknown;
  /** For CHANGED items, which of their properties differ (an objective's is `text`). */
  changedProperties: string[];
}

export type FieldChange =
  | { kind: 'TEXT'; field: TextField; before: string; after: string }
  | { kind: 'AMOUNT'; field: 'requestedAmount'; before: number; after: number }
  | { kind: 'LIST'; field: ListField; items: ItemChange[] };

const TEXT_FIELDS: readonly TextField[] = ['summary', 'needs', 'beneficiaries'];

/**
 * How each list's items are told apart from one revision to the next: by a property, or as plain
 * text (objectives); and whether an item whose identifying text was edited is still the same item.
 * Team members are people, so only the same name is the same member.
 */
const LISTS: Record<ListField, { key: string | null; editable: boolean }> = {
  objectives: { key: null, editable: true },
  activityPlan: { key: 'title', editable: true },
  indicatorTargets: { key: 'name', editable: true },
  budgetLines: { key: 'item', editable: true },
  team: { key: 'name', editable: false },
};

const FIELD_ORDER: readonly (TextField | ListField | 'requestedAmount')[] = [
  'summary', 'needs', 'objectives', 'activityPlan', 'beneficiaries', 'indicatorTargets', 'budgetLines', 'requestedAmount', 'team',
];

/** Two texts at least this similar are one text, edited. */
const EDIT_SIMILARITY = 0.5;

function bigrams(text: string): Map<string, number> {
  const chars = [...text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')];
  const grams = chars.length < 2 ? chars : chars.slice(1).map((char, i) => chars[i] + char);
  const counts = new Map<string, number>();
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

/**
 * How much of two texts is shared, 0 to 1: the Dice coefficient of their two-character pieces,
 * which needs no word boundaries and so suits Chinese (培育志愿者10名 / 培育志愿者15名 share 5 of 7).
 */
export function similarity(a: string, b: string): number {
  const [x, y] = [bigrams(a), bigrams(b)];
  let shared = 0;
  for (const [gram, count] of x) shared += Math.min(count, y.get(gram) ?? 0);
  const total = [...x.values(), ...y.values()].reduce((sum, count) => sum + count, 0);
  return total === 0 ? 1 : (2 * shared) / total;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The items of one list field, matched from one revision to the next. Items with the same
 * identifying text are the same item wherever they stand (a move is not a change). Of the rest, an
 * earlier and a later item are one edited item when their identifying texts are at least
 * EDIT_SIMILARITY alike: the most similar pair first, equally similar pairs in list order. What is
 * left was REMOVED or ADDED.
 */
export function compareList(field: ListField, before: readonly unknown[], after: readonly unknown[]): ItemChange[] {
  const { key, editable } = LISTS[field];
  const keyOf = (item: unknown) => String(key ? (item as Record<string, unknown>)[key] : item);
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (i: number, j: number) => {
    partner.set(i, j);
    taken.add(j);
  };
  before.forEach((item, i) => {
    const j = after.findIndex((other, at) => !taken.has(at) && keyOf(other) === keyOf(item));
    if (j >= 0) pair(i, j);
  });
  if (editable) {
    const candidates = before.flatMap((item, i) =>
      partner.has(i) ? [] : after.flatMap((other, j) => (taken.has(j) ? [] : [{ i, j, score: similarity(keyOf(item), keyOf(other)) }])),
    );
    candidates
      .filter((c) => c.score >= EDIT_SIMILARITY)
      .sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j)
      .forEach(({ i, j }) => {
        if (!partner.has(i) && !taken.has(j)) pair(i, j);
      });
  }

  const changes: ItemChange[] = [];
  before.forEach((old, i) => {
    const j = partner.get(i);
    if (j === undefined) return changes.push({ field, change: 'REMOVED', key: keyOf(old), before: old, after: null, changedProperties: [] });
    const now = after[j];
    if (same(old, now)) return;
    const properties = key
      ? [...new Set([...Object.keys(old as object), ...Object.keys(now as object)])].filter((p) => !same((old as Record<string, unknown>)[p] ?? null, (now as Record<string, unknown>)[p] ?? null))
      : ['text'];
    changes.push({ field, change: 'CHANGED', key: keyOf(now), before: old, after: now, changedProperties: properties });
  });
  after.forEach((now, j) => {
    if (!taken.has(j)) changes.push({ field, change: 'ADDED', key: keyOf(now), before: null, after: now, changedProperties: [] });
  });
  return changes;
}

const isTextField = (field: string): field is TextField => (TEXT_FIELDS as readonly string[]).includes(field);

/** Field-by-field differences from one revision to another, in a fixed field order. Amounts are yuan, compared in fen. */
export function compareRevisionContent(from: RevisionContent, to: RevisionContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELD_ORDER) {
    if (field === 'requestedAmount') {
      if (toFen(from[field]) !== toFen(to[field])) changes.push({ kind: 'AMOUNT', field, before: from[field], after: to[field] });
    } else if (isTextField(field)) {
      if (from[field] !== to[field]) changes.push({ kind: 'TEXT', field, before: from[field], after: to[field] });
    } else {
      const items = compareList(field, from[field], to[field]);
      if (items.length) changes.push({ kind: 'LIST', field, items });
    }
  }
  return changes;
}
