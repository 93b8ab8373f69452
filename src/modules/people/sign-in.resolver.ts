import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { runMutation } from '../../shared/mutation.js';
import { ChangePasswordInput, LoginInput, PersonIdInput, ResetPasswordInput } from './person.inputs.js';
import { LoginPayload, LogoutPayload, PersonPayload } from './person.types.js';
import * as signIn from './sign-in.service.js';

@Resolver()
export class SignInResolver {
  @Mutation(() => LoginPayload, { description: 'Exchange email and password for a bearer token. Throttled per account and per client address: see `retryAfterSeconds`.' })
  login(@Ctx() ctx: Context, @Arg('input', () => LoginInput, { description: 'Email and password.' }) input: LoginInput) {
    return signIn.login(ctx, input);
  }

  @Mutation(() => LogoutPayload, { description: 'End the session of the token this request carries: the token stops working, here and on open WebSockets.' })
  logout(@Ctx() ctx: Context) {
    return runMutation(ctx, LogoutPayload, (tx) => signIn.logout(tx));
  }

  @Mutation(() => LogoutPayload, { description: 'End every session of the signed-in person, on every device.' })
  logoutEverywhere(@Ctx() ctx: Context) {
    return runMutation(ctx, LogoutPayload, (tx) => signIn.logoutEverywhere(tx));
  }

  @Mutation(() => LoginPayload, { description: 'Change your own password (with the current one). Every earlier token ends; the payload carries a new one.' })
  changePassword(@Ctx() ctx: Context, @Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' }) input: ChangePasswordInput) {
    return signIn.changePassword(ctx, input);
  }

  @Mutation(() => PersonPayload, { description: 'Set a new password for someone (admins). Every session of theirs ends.' })
  resetPassword(@Ctx() ctx: Context, @Arg('input', () => ResetPasswordInput, { description: 'The person and their new password.' }) input: ResetPasswordInput) {
    return runMutation(ctx, PersonPayload, (tx) => signIn.resetPassword(tx, input));
  }

  @Mutation(() => PersonPayload, { description: 'Deactivate an account (admins): sign-in is refused, every session ends, its history stays.' })
  deactivatePerson(@Ctx() ctx: Context, @Arg('input', () => PersonIdInput, { description: 'The account to act on.' }) input: PersonIdInput) {
    return runMutation(ctx, PersonPayload, (tx) => signIn.setPersonActive(tx, input, false));
  }

  @Mutation(() => PersonPayload, { description: 'Let a deactivated person sign in again (admins).' })
  reactivatePerson(@Ctx() ctx: Context, @Arg('input', () => PersonIdInput, { description: 'The account to act on.' }) input: PersonIdInput) {
    return runMutation(ctx, PersonPayload, (tx) => signIn.setPersonActive(tx, input, true));
  }
}
