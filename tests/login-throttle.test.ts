import { describe, expect, it } from 'vitest';
import { CreatePersonDocument } from './generated/graphql.js';
import { TEST_PASSWORD, useTestApp } from './support/app.js';
import { person } from './support/factories.js';
import { pause } from './support/live.js';

// One proxy in front, so each test can sign in from its own client address (X-Forwarded-For).
const app = useTestApp({ LOGIN_ACCOUNT_ATTEMPTS: '3', LOGIN_ADDRESS_ATTEMPTS: '4', LOGIN_BASE_DELAY_SECONDS: '1', TRUST_PROXY: '1' });

let addresses = 0;
const nextAddress = () => `203.0.113.${++addresses}`;

interface LoginAnswer {
  token: string | null;
  retryAfterSeconds: number | null;
  userErrors: { code: string; message: string }[];
}

/** Several sign-in attempts as aliases of ONE request, from one client address (a new one unless given). */
async function attempts(logins: { email: string; password: string }[], address = nextAddress()): Promise<LoginAnswer[]> {
  const fields = logins.map((_, i) => `l${i}: login(input: $i${i}) { token retryAfterSeconds userErrors { code message } }`).join(' ');
  const variables = Object.fromEntries(logins.map((login, i) => [`i${i}`, login]));
  const response = await fetch(app().url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: `mutation(${logins.map((_, i) => `$i${i}: LoginInput!`).join(', ')}) { ${fields} }`, variables }),
  });
  const body = (await response.json()) as { data: Record<string, LoginAnswer>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return logins.map((_, i) => body.data[`l${i}`]);
}

const code = (answer: LoginAnswer) => answer.userErrors[0]?.code ?? 'OK';

describe('sign-in throttling', () => {
  it('counts every aliased attempt in one request: no more than the allowance is ever checked', async () => {
    const mentor = await person(app(), ['MENTOR']);
    const guesses = Array.from({ length: 12 }, (_, i) => ({ email: mentor.email, password: i === 11 ? TEST_PASSWORD : `wrong guess ${i}` }));
    const answers = await attempts(guesses);
    const checked = answers.filter((a) => code(a) !== 'TOO_MANY_ATTEMPTS');
    expect(checked.length).toBeLessThanOrEqual(3);
    expect(answers.filter((a) => a.token)).toEqual([]);
    const refused = answers.find((a) => code(a) === 'TOO_MANY_ATTEMPTS')!;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.userErrors[0].message).toMatch(/^Too many sign-in attempts: try again in \d+ seconds\.$/);
    // The right password, from another address, is refused as well while the account waits.
    const [right] = await attempts([{ email: mentor.email, password: TEST_PASSWORD }]);
    expect(code(right)).toBe('TOO_MANY_ATTEMPTS');
  });

  it('lets the person in once the wait is over, and starts them afresh', async () => {
    const mentor = await person(app(), ['MENTOR']);
    for (let i = 0; i < 3; i++) expect(code((await attempts([{ email: mentor.email, password: `wrong ${i} wrong` }]))[0])).toBe('INVALID_CREDENTIALS');
    const [waiting] = await attempts([{ email: mentor.email, password: TEST_PASSWORD }]);
    expect(waiting).toMatchObject({ token: null, retryAfterSeconds: 1 });
    await pause(1_100);
    const [inside] = await attempts([{ email: mentor.email, password: TEST_PASSWORD }]);
    expect(inside.token).toBeTruthy();
    // A success clears the account's count: three more tries before any wait.
    for (let i = 0; i < 3; i++) expect(code((await attempts([{ email: mentor.email, password: `again ${i} wrong` }]))[0])).toBe('INVALID_CREDENTIALS');
    expect(code((await attempts([{ email: mentor.email, password: 'once more wrong' }]))[0])).toBe('TOO_MANY_ATTEMPTS');
  });

  it('doubles the wait after each further failure', async () => {
    const mentor = await person(app(), ['MENTOR']);
    for (let i = 0; i < 3; i++) await attempts([{ email: mentor.email, password: `wrong ${i} wrong` }]);
    await pause(1_100);
    expect(code((await attempts([{ email: mentor.email, password: 'still wrong here' }]))[0])).toBe('INVALID_CREDENTIALS');
    const [next] = await attempts([{ email: mentor.email, password: TEST_PASSWORD }]);
    expect(next).toMatchObject({ token: null, retryAfterSeconds: 2 });
  });

  it('throttles one client address trying many accounts, without charging it for successes', async () => {
    const address = nextAddress();
    const mentor = await person(app(), ['MENTOR']);
    // Successes do not count against the address.
    for (let i = 0; i < 5; i++) expect((await attempts([{ email: mentor.email, password: TEST_PASSWORD }], address))[0].token).toBeTruthy();
    const sprayed = await attempts(
      Array.from({ length: 6 }, (_, i) => ({ email: `nobody-${i}@test.incubator.cn`, password: 'a password guess' })),
      address,
    );
    expect(sprayed.map(code)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
    expect(code((await attempts([{ email: mentor.email, password: TEST_PASSWORD }], address))[0])).toBe('TOO_MANY_ATTEMPTS');
    // Another address is not affected.
    expect((await attempts([{ email: mentor.email, password: TEST_PASSWORD }], nextAddress()))[0].token).toBeTruthy();
  });
});

describe('password policy', () => {
  it('refuses short, blank, common and guessable passwords', async () => {
    for (const password of ['short', '          ', '1111111111', 'password123', 'qwertyuiop', 'abcdefghij']) {
      const result = await app().admin.data(CreatePersonDocument, { input: { email: `weak-${addresses++}@test.incubator.cn`, name: '弱密码', password, roles: ['MENTOR'] } });
      expect(result.createPerson.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['WEAK_PASSWORD', 'input.password']]);
    }
  });
});
