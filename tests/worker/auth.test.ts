import { describe, expect, it } from 'vitest';
import { constantTimeEqual, findUser, parseApiTokens } from '../../worker/src/middleware/auth';

describe('parseApiTokens', () => {
  it.each([
    { input: 'alice:tok-a,bob:tok-b', expected: [{ user: 'alice', token: 'tok-a' }, { user: 'bob', token: 'tok-b' }] },
    { input: ' alice:tok-a , ,bob:tok-b ', expected: [{ user: 'alice', token: 'tok-a' }, { user: 'bob', token: 'tok-b' }] },
    { input: 'alice:a:b', expected: [{ user: 'alice', token: 'a:b' }] },
    { input: 'no-colon,:no-user,empty:,bad user:x,ok:y', expected: [{ user: 'ok', token: 'y' }] },
    { input: '', expected: [] },
    { input: undefined, expected: [] },
  ])('parses $input', ({ input, expected }) => {
    expect(parseApiTokens(input)).toEqual(expected);
  });
});

describe('token comparison', () => {
  it.each([
    { a: 'tok-a', b: 'tok-a', expected: true },
    { a: 'tok-a', b: 'tok-b', expected: false },
    { a: 'tok-a', b: 'tok-', expected: false },
    { a: 'tok', b: 'tok-a', expected: false },
    { a: '', b: '', expected: true },
  ])('constantTimeEqual($a, $b) is $expected', async ({ a, b, expected }) => {
    expect(await constantTimeEqual(a, b)).toBe(expected);
  });

  it('finds the user whose token matches, and no one for an unknown token', async () => {
    const entries = parseApiTokens('alice:same,bob:other,carol:same');
    expect(await findUser(entries, 'other')).toBe('bob');
    expect(await findUser(entries, 'same')).toBe('alice');
    expect(await findUser(entries, 'none')).toBeUndefined();
  });
});
