import { describe, expect, it } from 'vitest'
import { authRedirect, homePathFor, rootRedirect, safeRedirect } from './auth-redirect.ts'
import { parseSession, tokenExpiry } from './stored-session.ts'

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
const jwt = (claims: object) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.sig`
const user = { username: 'wall', role: 'wall', scope: { level: 'district', id: '510108' } }

describe('parseSession', () => {
  it('reads a valid session', () => {
    const token = jwt({ sub: 'wall', exp: 2_000 })
    expect(parseSession(JSON.stringify({ token, user }), 1_000_000)).toEqual({ token, user })
  })

  it('drops a session whose token has expired', () => {
    const token = jwt({ exp: 1_000 })
    expect(parseSession(JSON.stringify({ token, user }), 1_000_000)).toBeNull()
  })

  it('accepts an opaque (non-JWT) token', () => {
    expect(parseSession(JSON.stringify({ token: 'opaque', user }), 0)?.token).toBe('opaque')
  })

  it.each([
    [null],
    ['not json'],
    ['null'],
    [JSON.stringify({ token: '', user })],
    [JSON.stringify({ token: 't', user: { ...user, role: 'admin' } })],
    [JSON.stringify({ token: 't', user: { ...user, scope: { level: 'grid', id: 'x' } } })],
  ])('rejects %s', (raw) => {
    expect(parseSession(raw, 0)).toBeNull()
  })
})

describe('tokenExpiry', () => {
  it('reads exp in ms', () => {
    expect(tokenExpiry(jwt({ exp: 1_700_000_000 }))).toBe(1_700_000_000_000)
  })
  it('is null without an exp or for garbage', () => {
    expect(tokenExpiry(jwt({ sub: 'x' }))).toBeNull()
    expect(tokenExpiry('a.%%%.c')).toBeNull()
    expect(tokenExpiry('plain')).toBeNull()
  })
})

describe('safeRedirect', () => {
  it.each([
    ['/wall', '/wall'],
    ['/wall?lang=en', '/wall?lang=en'],
    ['//evil.example/x', '/wall'],
    ['https://evil.example', '/wall'],
    ['/\\evil.example', '/wall'],
    ['/login?redirect=/wall', '/wall'],
    [['/wall', '/x'], '/wall'],
    [undefined, '/wall'],
  ])('%s → %s', (raw, expected) => {
    expect(safeRedirect(raw)).toBe(expected)
  })
})

describe('where a user lands', () => {
  const streetUser = { role: 'street', scope: { level: 'street', id: '510108003' } } as const
  const leader = { role: 'leader', scope: { level: 'district', id: '510108' } } as const

  it('lands a street user at their own post, a leader at the briefing, everyone else at the wall', () => {
    expect(homePathFor(streetUser)).toBe('/post/510108003')
    expect(homePathFor(leader)).toBe('/briefing')
    expect(homePathFor({ role: 'district', scope: { level: 'district', id: '510108' } })).toBe('/wall')
    expect(homePathFor({ role: 'wall', scope: { level: 'district', id: '510108' } })).toBe('/wall')
    expect(homePathFor(null)).toBe('/wall')
  })

  it('keeps an explicit redirect after sign-in, and goes home without one or with a bad one', () => {
    const home = homePathFor(streetUser)
    expect(safeRedirect('/wall?lang=en', home)).toBe('/wall?lang=en')
    expect(safeRedirect(undefined, home)).toBe('/post/510108003')
    expect(safeRedirect('//evil.example', home)).toBe('/post/510108003')
    expect(safeRedirect('/login', home)).toBe('/post/510108003')
  })

  it('sends / to the login page without a redirect when signed out, so sign-in picks the home', () => {
    expect(rootRedirect(null, false)).toBe('/login')
    expect(rootRedirect(streetUser, true)).toBe('/post/510108003')
    expect(rootRedirect(leader, true)).toBe('/briefing')
  })
})

describe('authRedirect', () => {
  it('lets public pages and signed-in users through', () => {
    expect(authRedirect({ fullPath: '/login', isPublic: true }, false)).toBeNull()
    expect(authRedirect({ fullPath: '/wall', isPublic: false }, true)).toBeNull()
  })
  it('sends everyone else to the login page with where they were going', () => {
    expect(authRedirect({ fullPath: '/wall?lang=en', isPublic: false }, false)).toEqual({
      path: '/login',
      query: { redirect: '/wall?lang=en' },
    })
  })
})
