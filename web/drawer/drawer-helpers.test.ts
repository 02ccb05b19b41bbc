import { describe, expect, it } from 'vitest'
import type { PublicUser } from '../../domain/auth.ts'
import { formatDateTime } from '../format/format-time.ts'
import { canActOnAlarm } from './alarm-permissions.ts'
import { alarmFromReply, alarmsFromReply, findAlarm } from './alarm-record.ts'
import { locationTiers, missingTiers } from './location-tiers.ts'
import { safeImageUrl, safeLinkUrl } from './safe-url.ts'

describe('safe URLs', () => {
  it('lets same-origin paths and http(s) through', () => {
    expect(safeLinkUrl('/media/clip.mp4')).toBe('/media/clip.mp4')
    expect(safeLinkUrl('https://cams.example/1.mp4')).toBe('https://cams.example/1.mp4')
  })
  it('refuses scripts, other schemes, protocol-relative and smuggled control characters', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'vbscript:x', '//evil.example/x', '/\\evil', 'data:text/html,<b>', 'file:///etc/passwd', '', 5, null]) {
      expect(safeLinkUrl(bad)).toBeNull()
    }
  })
  it('lets inline images through for <img> only', () => {
    expect(safeImageUrl('data:image/png;base64,iVBOR')).toBe('data:image/png;base64,iVBOR')
    expect(safeImageUrl('data:image/svg+xml,%3Csvg%3E')).toBe('data:image/svg+xml,%3Csvg%3E')
    expect(safeLinkUrl('data:image/png;base64,iVBOR')).toBeNull()
    expect(safeImageUrl('data:text/html;base64,PHNjcmlwdD4=')).toBeNull()
  })
})

describe('location tiers', () => {
  const path = { district: 'D', street: 'S', community: 'C', grid: 'G', microgrid: null }
  const names = new Map([['D', '成华区'], ['S', '猛追湾街道']])

  it('names the tiers it can, district first, and skips tiers without an id', () => {
    const tiers = locationTiers(path, (id) => names.get(id))
    expect(tiers.map((t) => [t.level, t.name ?? t.id])).toEqual([
      ['district', '成华区'], ['street', '猛追湾街道'], ['community', 'C'], ['grid', 'G'],
    ])
    expect(missingTiers(tiers)).toEqual(['community', 'grid'])
  })

  it('has nothing for an event outside the district', () => {
    expect(locationTiers({ district: null, street: null, community: null, grid: null, microgrid: null }, () => 'x')).toEqual([])
  })
})

describe('who may act on an alarm', () => {
  const user = (role: PublicUser['role'], scope: PublicUser['scope']): PublicUser => ({ username: 'u', role, scope })
  const inS1 = { street: 'S1' }

  it('lets the district act anywhere, a street only in its own street, and no one else', () => {
    expect(canActOnAlarm(user('district', { level: 'district', id: 'D' }), inS1)).toBe(true)
    expect(canActOnAlarm(user('district', { level: 'district', id: 'D' }), { street: null })).toBe(true)
    expect(canActOnAlarm(user('street', { level: 'street', id: 'S1' }), inS1)).toBe(true)
    expect(canActOnAlarm(user('street', { level: 'street', id: 'S2' }), inS1)).toBe(false)
    expect(canActOnAlarm(user('street', { level: 'street', id: 'S1' }), { street: null })).toBe(false)
    expect(canActOnAlarm(user('leader', { level: 'district', id: 'D' }), inS1)).toBe(false)
    expect(canActOnAlarm(user('wall', { level: 'district', id: 'D' }), inS1)).toBe(false)
    expect(canActOnAlarm(null, inS1)).toBe(false)
  })
})

describe('alarm records', () => {
  const raw = (id: string, over: Record<string, unknown> = {}) => ({ id, sensorId: 'SM-1', type: 'smoke', status: 'active', raisedAt: '2025-03-01T02:00:00Z', ...over })

  it('reads a bare or wrapped list, skipping what is not an alarm', () => {
    expect(alarmsFromReply([raw('a'), { id: 'b', status: 'burning' }, 7]).map((a) => a.id)).toEqual(['a'])
    expect(alarmsFromReply({ alarms: [raw('a')] }).map((a) => a.id)).toEqual(['a'])
    expect(alarmsFromReply({ nope: 1 })).toEqual([])
    expect(alarmFromReply({ alarm: raw('a', { status: 'acknowledged', acknowledgedBy: 'district' }) })).toMatchObject({ id: 'a', status: 'acknowledged', acknowledgedBy: 'district' })
    expect(alarmFromReply(raw('a'))?.id).toBe('a')
    expect(alarmFromReply({ ok: true })).toBeNull()
  })

  it('finds the event’s alarm by id, else by the event that raised it, else the sensor’s newest', () => {
    const list = alarmsFromReply([
      raw('old', { raisedAt: '2025-03-01T01:00:00Z' }),
      raw('new', { raisedAt: '2025-03-01T03:00:00Z' }),
      raw('raised', { eventId: 'e9', sensorId: 'X' }),
      raw('gas', { type: 'gas', raisedAt: '2025-03-01T05:00:00Z' }),
    ])
    expect(findAlarm(list, { alarmId: 'old', eventId: 'e1', sensorId: 'SM-1', type: 'smoke' })?.id).toBe('old')
    expect(findAlarm(list, { alarmId: 'gone', eventId: 'e1', sensorId: 'SM-1', type: 'smoke' })).toBeNull()
    expect(findAlarm(list, { alarmId: null, eventId: 'e9', sensorId: 'SM-1', type: 'smoke' })?.id).toBe('raised')
    expect(findAlarm(list, { alarmId: null, eventId: 'e1', sensorId: 'SM-1', type: 'smoke' })?.id).toBe('new')
    expect(findAlarm(list, { alarmId: null, eventId: 'e1', sensorId: null, type: 'smoke' })).toBeNull()
  })
})

describe('formatDateTime', () => {
  it('shows Chengdu date and time', () => {
    expect(formatDateTime('2025-03-01T20:00:05Z')).toBe('2025-03-02 04:00:05')
    expect(formatDateTime('nonsense')).toBe('')
  })
})
