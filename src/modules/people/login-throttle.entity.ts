import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Sign-in attempts counted per account and per client address, in PostgreSQL so that every
 * instance shares them and a restart forgets nothing (see login-throttle.ts).
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  /** `account:<email>` or `address:<ip>`. */
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'timestamptz' })
  lastAttemptAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;
}
