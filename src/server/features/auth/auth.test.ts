import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign-in, sessions and sign-out', () => {
  it('signs in with the right password, sets an httpOnly cookie and answers /me', async () => {
    const officer = await t.user('officer', '350100');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: officer.username, password: 'test-password-1' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'luodi_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { luodi_session: cookie?.value ?? '' },
    });
    expect(me.json()).toMatchObject({ username: officer.username, role: 'officer', regionCode: '350100' });
  });

  it('refuses a wrong password with 401 and a bilingual message', async () => {
    const officer = await t.user('officer', '350100');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: officer.username, password: 'nope-nope' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({
      code: 'auth.invalid',
      zh: '用户名或密码不正确',
      en: 'Wrong user name or password',
    });
  });

  it('answers in English when the client asks for it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'x' },
    });
    expect(response.json().error.message).toBe('Wrong user name or password');
  });

  it('revokes the session on sign-out: the same token no longer works', async () => {
    const officer = await t.user('officer', '350100');
    expect((await t.call(officer, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await t.call(officer, 'POST', '/api/auth/sign-out')).statusCode).toBe(204);
    const after = await t.call(officer, 'GET', '/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.required');
  });

  it('rejects malformed sign-in bodies with 400 naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: '' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  it('rejects a body that is not JSON with 400, not 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_json');
  });

  it('answers an unknown route with a 404 body of the same shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route_not_found');
  });
});

describe('users', () => {
  it('lets an administrator create a user in scope, refuses other roles and bad input', async () => {
    const admin = await t.user('admin', '350000');
    const created = await t.call(admin, 'POST', '/api/users', {
      username: 'new.officer',
      displayName: '新专员',
      password: 'long-enough-1',
      role: 'officer',
      regionCode: '350500',
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await t.call(admin, 'POST', '/api/users', {
      username: 'new.officer',
      displayName: '新专员',
      password: 'long-enough-1',
      role: 'officer',
      regionCode: '350500',
    });
    expect(duplicate.statusCode).toBe(409);
    const outside = await t.call(admin, 'POST', '/api/users', {
      username: 'hebei.officer',
      displayName: 'x',
      password: 'long-enough-1',
      role: 'officer',
      regionCode: '130100',
    });
    expect(outside.statusCode).toBe(403);
    const badRegion = await t.call(admin, 'POST', '/api/users', {
      username: 'ghost',
      displayName: 'x',
      password: 'long-enough-1',
      role: 'officer',
      regionCode: '999999',
    });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json().error.details[0].field).toBe('regionCode');
    const shortPassword = await t.call(admin, 'POST', '/api/users', {
      username: 'shorty',
      displayName: 'x',
      password: 'short',
      role: 'officer',
      regionCode: '350500',
    });
    expect(shortPassword.statusCode).toBe(400);
    const enterpriseWithoutOrg = await t.call(admin, 'POST', '/api/users', {
      username: 'ent.user',
      displayName: 'x',
      password: 'long-enough-1',
      role: 'enterprise',
      regionCode: '350500',
    });
    expect(enterpriseWithoutOrg.json().error.details[0].field).toBe('organizationId');
    const officer = await t.user('officer', '350100');
    expect(
      (
        await t.call(officer, 'POST', '/api/users', {
          username: 'sneaky',
          displayName: 'x',
          password: 'long-enough-1',
          role: 'admin',
          regionCode: '350100',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('session probe', () => {
  it('answers null when nobody is signed in and the user when someone is', async () => {
    const anonymous = await t.call(null, 'GET', '/api/auth/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });
    const officer = await t.user('officer', '350100');
    expect((await t.call(officer, 'GET', '/api/auth/session')).json().user).toMatchObject({
      username: officer.username,
    });
  });
});

describe('user list', () => {
  it('shows an administrator the users of their region only, and refuses other roles', async () => {
    const admin = await t.user('admin', '350500');
    await t.user('officer', '350502');
    const hebei = await t.user('officer', '130100');
    const list = await t.call(admin, 'GET', '/api/users');
    expect(list.statusCode).toBe(200);
    const regions = list.json().items.map((u: { regionCode: string }) => u.regionCode);
    expect(regions.length).toBeGreaterThan(1);
    expect(regions.every((code: string) => code.startsWith('3505'))).toBe(true);
    expect((await t.call(hebei, 'GET', '/api/users')).statusCode).toBe(403);
  });
});
