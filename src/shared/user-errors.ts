import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Every expected failure a mutation can report in its payload's `userErrors`. */
export enum UserErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
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
}
registerEnumType(UserErrorCode, { name: 'UserErrorCode', description: 'What went wrong, for clients to branch on.' });

@ObjectType({ description: 'An expected failure: the request was understood but cannot be carried out as sent.' })
export class UserError {
  @Field(() => UserErrorCode)
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

  get ok(): boolean {
    return this.errors.length === 0;
  }

  throwIfAny(): void {
    if (this.errors.length) throw new UserErrors(this.errors);
  }
}
