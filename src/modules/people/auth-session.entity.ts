import { Entity, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Person } from './person.entity.js';

/**
 * One sign-in. A token names its session, and every request checks in one indexed lookup that the
 * session is neither revoked nor expired and its person still active: logout, "sign out everywhere",
 * a password change or reset and deactivation all end tokens by revoking their sessions.
 */
@Entity({ tableName: 'auth_session' })
export class AuthSession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade', index: true })
  person!: Ref<Person>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
