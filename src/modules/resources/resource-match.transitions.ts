import { MatchStatus } from './resource-match.entity.js';

/** The steps a match takes after it is proposed. */
export enum MatchAction {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  DELIVER = 'DELIVER',
  CANCEL = 'CANCEL',
}

/**
 * Who takes a step: the applicant organisation's members, or the broker, i.e. staff covering the
 * offer's park (its district's staff and administrators included), who may also answer for the applicant.
 */
export type MatchActor = 'APPLICANT' | 'BROKER';

export interface MatchTransition {
  action: MatchAction;
  from: readonly MatchStatus[];
  to: MatchStatus;
  by: readonly MatchActor[];
  /** The mutation that takes the step, for messages. */
  mutation: string;
}

const S = MatchStatus;

/** Every status change a match can make after PROPOSED, and who makes it. Nothing leaves DELIVERED, DECLINED or CANCELLED. */
export const MATCH_TRANSITIONS: readonly MatchTransition[] = [
  { action: MatchAction.ACCEPT, from: [S.PROPOSED], to: S.ACCEPTED, by: ['APPLICANT', 'BROKER'], mutation: 'acceptResourceMatch' },
  { action: MatchAction.DECLINE, from: [S.PROPOSED], to: S.DECLINED, by: ['APPLICANT', 'BROKER'], mutation: 'declineResourceMatch' },
  { action: MatchAction.DELIVER, from: [S.ACCEPTED], to: S.DELIVERED, by: ['BROKER'], mutation: 'deliverResourceMatch' },
  { action: MatchAction.CANCEL, from: [S.PROPOSED, S.ACCEPTED], to: S.CANCELLED, by: ['BROKER'], mutation: 'cancelResourceMatch' },
];

export function matchTransition(action: MatchAction): MatchTransition {
  const transition = MATCH_TRANSITIONS.find((t) => t.action === action);
  if (!transition) throw new Error(`No match transition for ${action}`);
  return transition;
}

/** The mutations open to these actors from a status, in table order: for messages that say what is possible. */
export function matchMutationsFrom(status: MatchStatus, actors: readonly MatchActor[]): string[] {
  return MATCH_TRANSITIONS.filter((t) => t.from.includes(status) && t.by.some((by) => actors.includes(by))).map((t) => t.mutation);
}

/** Whether the status is final: no step leaves it. */
export const isFinalMatchStatus = (status: MatchStatus) => !MATCH_TRANSITIONS.some((t) => t.from.includes(status));
