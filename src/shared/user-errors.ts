import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DATE_WINDOW, MAX_AMOUNT, type DateWindow } from './input-limits.js';
import { formatYuan, isMoney } from './money.js';

/** Every expected failure a mutation can report in its payload's `userErrors`. */
export enum UserErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  TOO_MANY = 'TOO_MANY',
  INVALID_FORMAT = 'INVALID_FORMAT',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  INVALID_ID = 'INVALID_ID',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  INVALID_CREDIT_CODE = 'INVALID_CREDIT_CODE',
  CREDIT_CODE_REQUIRED = 'CREDIT_CODE_REQUIRED',
  WEIGHTS_NOT_100 = 'WEIGHTS_NOT_100',
  INVALID_DATES = 'INVALID_DATES',
  MAX_GRANT_ABOVE_BUDGET = 'MAX_GRANT_ABOVE_BUDGET',
  PROGRAM_NOT_OPEN = 'PROGRAM_NOT_OPEN',
  FOCUS_AREA_NOT_IN_PROGRAM = 'FOCUS_AREA_NOT_IN_PROGRAM',
  NOT_ORGANIZATION_MEMBER = 'NOT_ORGANIZATION_MEMBER',
  REQUEST_ABOVE_MAXIMUM = 'REQUEST_ABOVE_MAXIMUM',
  ABOVE_TYPE_CAP = 'ABOVE_TYPE_CAP',
  TYPE_NOT_IN_PROGRAM = 'TYPE_NOT_IN_PROGRAM',
  BUDGET_MISMATCH = 'BUDGET_MISMATCH',
  NO_REVISION = 'NO_REVISION',
  INVALID_STATUS = 'INVALID_STATUS',
  WRONG_ROLE = 'WRONG_ROLE',
  CONFLICT = 'CONFLICT',
  NOT_ENOUGH_EVALUATORS = 'NOT_ENOUGH_EVALUATORS',
  NOT_ENOUGH_SCORECARDS = 'NOT_ENOUGH_SCORECARDS',
  CONDITIONS_NOT_MET = 'CONDITIONS_NOT_MET',
  CLOSING_BLOCKED = 'CLOSING_BLOCKED',
  CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST',
  STALE_REVISION = 'STALE_REVISION',
  SCORECARD_FINAL = 'SCORECARD_FINAL',
  SCORE_OUT_OF_RANGE = 'SCORE_OUT_OF_RANGE',
  INCOMPLETE_SCORECARD = 'INCOMPLETE_SCORECARD',
  GRANT_ABOVE_REQUEST = 'GRANT_ABOVE_REQUEST',
  ROUND_CLOSED = 'ROUND_CLOSED',
  WRONG_ROUND = 'WRONG_ROUND',
  PERIOD_ALREADY_REPORTED = 'PERIOD_ALREADY_REPORTED',
  ALREADY_DONE = 'ALREADY_DONE',
  UNKNOWN_INDICATOR = 'UNKNOWN_INDICATOR',
  OUTSIDE_WORKPLACE = 'OUTSIDE_WORKPLACE',
  INVALID_PLACE = 'INVALID_PLACE',
  CAPACITY_REACHED = 'CAPACITY_REACHED',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'What went wrong, for clients to branch on.',
  valuesConfig: {
    INVALID_CREDENTIALS: { description: 'The email and password do not match an account, or the current password given is wrong.' },
    TOO_MANY_ATTEMPTS: { description: 'Too many sign-in attempts for this account or client address: wait `retryAfterSeconds` and try again.' },
    ACCOUNT_DEACTIVATED: { description: 'The account has been deactivated by an administrator and may not sign in.' },
    WEAK_PASSWORD: { description: 'The new password is too short (under 10 characters), too long (over 200), only spaces, or guessable.' },
    REQUIRED: { description: 'A required value is missing, empty after trimming, or may not be cleared.' },
    TOO_LONG: { description: 'A text is longer than its limit, counted after trimming (see the README’s Input limits).' },
    TOO_MANY: { description: 'A list has more entries than its limit; its entries were not checked one by one.' },
    INVALID_FORMAT: { description: 'A value is not written as expected: a date not YYYY-MM-DD, a criterion key not in the rubric or not a lower-case identifier.' },
    OUT_OF_RANGE: { description: 'A number, amount or date is outside its allowed range (or a date is in the future where it must have happened).' },
    INVALID_ID: { description: 'An ID is not a global ID of the expected type, or two IDs do not belong together.' },
    NOT_FOUND: { description: 'No object you may see has that ID.' },
    DUPLICATE: { description: 'The value repeats an earlier entry of the same list, or another record already has it (a name, a title).' },
    INVALID_CREDIT_CODE: { description: 'The unified social credit code is not 18 characters of the GB 32100-2015 alphabet with a correct check character.' },
    CREDIT_CODE_REQUIRED: { description: 'Only a RESIDENT_GROUP organisation may have no unified social credit code.' },
    WEIGHTS_NOT_100: { description: 'A rubric’s criterion weights do not add up to 100.' },
    INVALID_DATES: { description: 'A programme’s applications must open before they close.' },
    MAX_GRANT_ABOVE_BUDGET: { description: 'A programme’s maximum grant is larger than its budget pool.' },
    PROGRAM_NOT_OPEN: { description: 'The programme is not accepting applications now (outside its application window).' },
    FOCUS_AREA_NOT_IN_PROGRAM: { description: 'The focus area is not one of the programme’s focus areas.' },
    NOT_ORGANIZATION_MEMBER: { description: 'Only members of the applicant organisation may do this (write, submit or report on its project).' },
    REQUEST_ABOVE_MAXIMUM: { description: 'The requested amount or grant is above the programme’s maximum grant.' },
    ABOVE_TYPE_CAP: { description: 'The requested amount or grant is above the maximum grant of the project’s type.' },
    TYPE_NOT_IN_PROGRAM: { description: 'The project type is not one the project may have: of another district than the project’s, or not among the types its programme accepts.' },
    BUDGET_MISMATCH: { description: 'The budget lines do not add up to the requested amount.' },
    NO_REVISION: { description: 'The project has no saved revision to submit.' },
    INVALID_STATUS: { description: 'The object’s status does not allow this now; the message names the status and the steps you can take.' },
    WRONG_ROLE: { description: 'You, or a person named in the input, lack the role this needs.' },
    CONFLICT: { description: 'Someone else changed the same record at the same time; reload and try again.' },
    NOT_ENOUGH_EVALUATORS: { description: 'Fewer evaluators without a conflict are assigned than the programme’s minimum.' },
    NOT_ENOUGH_SCORECARDS: { description: 'Fewer submitted, counted scorecards than the step needs (an administrator may override some minimums with a reason).' },
    CONDITIONS_NOT_MET: { description: 'Some conditions of the approval are still open.' },
    CLOSING_BLOCKED: { description: 'Open follow-ups or unaccepted service reports block closing; staff may proceed with a reason.' },
    CONFLICT_OF_INTEREST: { description: 'The evaluator is a member of the applicant organisation, or of the operator of the park that coaches it.' },
    STALE_REVISION: { description: 'The applicant has saved a newer revision since this assignment; the scorecard no longer counts.' },
    SCORECARD_FINAL: { description: 'The scorecard was submitted and is final.' },
    SCORE_OUT_OF_RANGE: { description: 'A score is below 0 or above its criterion’s maximum.' },
    INCOMPLETE_SCORECARD: { description: 'A scorecard is submitted only with every criterion of its rubric scored.' },
    GRANT_ABOVE_REQUEST: { description: 'The grant is above the amount the reviewed revision requests.' },
    ROUND_CLOSED: { description: 'The review round is closed.' },
    WRONG_ROUND: { description: 'The review round belongs to another programme than the project.' },
    PERIOD_ALREADY_REPORTED: { description: 'The project already has a service report for that month.' },
    ALREADY_DONE: { description: 'It is already so: the item done (or open), the follow-up closed, the condition met, the account (de)activated.' },
    UNKNOWN_INDICATOR: { description: 'The indicator is not one of the approved revision’s indicator targets.' },
    OUTSIDE_WORKPLACE: { description: 'The park, district, organisation or person named is outside where this may happen: a mentor or lead staff not working for the project’s park, an evaluator outside the programme’s district pool, an organisation not coached by the park whose programme it is, or a park or district you do not work for.' },
    CAPACITY_REACHED: { description: 'The activity is full: as many are registered as it has places. Walk-ins are still checked in at the door.' },
    INVALID_PLACE: { description: 'The place does not fit: a level not below its parent’s, an address above district level, a street outside the park’s district.' },
  },
});

@ObjectType({ description: 'An expected failure: the request was understood but cannot be carried out as sent.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'What kind of failure it is, for the client to branch on.' })
  code!: UserErrorCode;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "budgetLines", "2", "amount"].' })
  field?: string[];

  @Field(() => String, { description: 'What is wrong and how to put it right, for a person to read.' })
  message!: string;
}

/** Thrown by services for expected failures; turned into `userErrors` by the mutation runner. */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export function userError(code: UserErrorCode, field: string | undefined, message: string): UserError {
  return Object.assign(new UserError(), { code, field: field?.split('.'), message });
}

export function fail(code: UserErrorCode, field: string | undefined, message: string): never {
  throw new UserErrors([userError(code, field, message)]);
}

/** Collects every validation failure of one input so the client can show them all at once. */
export class Checks {
  private readonly errors: UserError[] = [];

  check(ok: boolean, code: UserErrorCode, field: string | undefined, message: string): boolean {
    if (!ok) this.errors.push(userError(code, field, message));
    return ok;
  }

  /** A required, trimmed text of at most `max` characters. */
  text(value: string | undefined | null, field: string, label: string, max: number, required = true): boolean {
    const trimmed = value?.trim() ?? '';
    if (required && !this.check(trimmed !== '', UserErrorCode.REQUIRED, field, `${label} is required.`)) return false;
    return this.check(trimmed.length <= max, UserErrorCode.TOO_LONG, field, `${label} must be at most ${max} characters (it has ${trimmed.length}).`);
  }

  /**
   * A list of at most `max` entries (at least one with `required`). Only a list within its cap has its
   * entries checked, so an oversized list costs one error rather than one per entry. With `key`, an
   * entry repeating an earlier one's key is a DUPLICATE at its own path (at `keyField` inside it);
   * then `each` checks the entry.
   */
  list<T>(items: readonly T[], field: string, rule: ListRule<T>): boolean {
    const { label, max, required, key, keyField, each } = rule;
    if (required && !this.check(items.length > 0, UserErrorCode.REQUIRED, field, required)) return false;
    if (!this.check(items.length <= max, UserErrorCode.TOO_MANY, field, `Give at most ${max} ${label}; there are ${items.length}.`)) return false;
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const at = `${field}.${i}`;
      if (key) {
        const value = key(item);
        this.check(!seen.has(value), UserErrorCode.DUPLICATE, keyField ? `${at}.${keyField}` : at, `${quote(value)} is listed twice among the ${label}; list each once.`);
        seen.add(value);
      }
      each?.(item, at);
    });
    return true;
  }

  /** A finite number from `min` (or above it, with `above`) to `max`, with at most `decimals` decimals. */
  number(value: number, field: string, label: string, { min = 0, max, above = false, decimals }: NumberRule): boolean {
    const scaled = value * 10 ** (decimals ?? 0);
    const ok = Number.isFinite(value) && (above ? value > min : value >= min) && value <= max && (decimals === undefined || Math.abs(scaled - Math.round(scaled)) < 1e-6);
    const places = decimals === undefined ? '' : decimals === 0 ? ', a whole number' : `, to at most ${decimals} decimal${decimals > 1 ? 's' : ''}`;
    return this.check(ok, UserErrorCode.OUT_OF_RANGE, field,
      `${label} must be ${above ? 'above' : 'from'} ${plain(min)} ${above ? 'and at most' : 'to'} ${plain(max)}${places}.`);
  }

  /** An amount of money: yuan with at most two decimals, above zero (or zero, with `allowZero`) and at most MAX_AMOUNT. */
  amount(value: number | null | undefined, field: string, label: string, { allowZero = false } = {}): boolean {
    return this.check(value != null && isMoney(value, { allowZero }), UserErrorCode.OUT_OF_RANGE, field,
      `${label} must be ${allowZero ? 'zero or more' : 'above zero'} and at most ${formatYuan(MAX_AMOUNT)}, in yuan with at most two decimals.`);
  }

  /** An instant (by its UTC day) or a calendar date YYYY-MM-DD within `window`, by default DATE_WINDOW. */
  date(value: Date | string, field: string, label: string, window: DateWindow = DATE_WINDOW): boolean {
    const day = typeof value === 'string' ? value : Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    return this.check(day >= window.from && day <= window.to, UserErrorCode.OUT_OF_RANGE, field, `${label} must be between ${window.from} and ${window.to}.`);
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  throwIfAny(): void {
    if (this.errors.length) throw new UserErrors(this.errors);
  }
}

export interface ListRule<T> {
  /** What the entries are, in the plural: "objectives". */
  label: string;
  max: number;
  /** The message for an empty list, when one is not allowed. */
  required?: string;
  /** What may not repeat within the list. */
  key?: (item: T) => string;
  /** Where the key sits inside an entry, for the path of a DUPLICATE (the entry itself when absent). */
  keyField?: string;
  each?: (item: T, at: string) => void;
}

export interface NumberRule {
  min?: number;
  max: number;
  above?: boolean;
  decimals?: number;
}

const plain = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

/** A value quoted in a message, cut short so an oversized input is not echoed back whole. */
const quote = (value: string) => `"${value.length > 50 ? `${value.slice(0, 50)}…` : value}"`;
