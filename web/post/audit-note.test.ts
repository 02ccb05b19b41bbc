import { describe, expect, it } from 'vitest'
import { auditActor, auditNote } from './audit-note.ts'

const SOURCES: Record<string, string> = { sensor: '物联感知', hotline: '12345热线' }
const label = (s: string) => SOURCES[s] ?? s
const system = (action: string, note: string) => ({ actor: 'system', action: action as never, note })

describe('auditNote', () => {
  it('puts the engine’s own notes in the reader’s language', () => {
    expect(auditNote(system('open', 'sensor:smoke 01a24dbc-14d1-769a-a10d-464166469461'), 'zh-CN', label)).toBe('物联感知 · 烟感')
    expect(auditNote(system('reroute', 'community → street; 5 events'), 'zh-CN', label)).toBe('社区 → 街道 · 5 条事件')
    expect(auditNote(system('reroute', 'microgrid → community; 12 events'), 'en', label)).toBe('Micro-grid → Community · 12 events')
    expect(auditNote(system('escalate', 'SLA 接单超时 (not accepted in time)'), 'zh-CN', label)).toBe('SLA 接单超时')
    expect(auditNote(system('escalate', 'SLA 接单超时 (not accepted in time)'), 'en', label)).toBe('SLA not accepted in time')
    expect(auditNote(system('report_late', '消防救援, 城管: 报到超时 (not on scene within the whistle’s deadline)'), 'zh-CN', label)).toBe('消防救援, 城管: 报到超时')
    expect(auditNote(system('report_late', '消防救援, 城管: 报到超时 (not on scene within the whistle’s deadline)'), 'en', label))
      .toBe('消防救援, 城管: not on scene within the whistle’s deadline')
  })

  it('shows people’s notes, and notes in a form it does not know, as written', () => {
    expect(auditNote({ actor: 'street-510108001', action: 'resolve', note: 'community → street; 5 events' }, 'zh-CN', label)).toBe('community → street; 5 events')
    expect(auditNote(system('escalate', 'something new'), 'zh-CN', label)).toBe('something new')
    expect(auditNote(system('open', ''), 'zh-CN', label)).toBe('')
  })
})

describe('auditActor', () => {
  const names = new Map([['DT-510108001-fire', '消防救援 · 猛追湾街道 一队']])
  it('names the system, and a unit the post knows, in words; people by their username', () => {
    expect(auditActor('system', (id) => names.get(id), '系统')).toBe('系统')
    expect(auditActor('unit:DT-510108001-fire', (id) => names.get(id), '系统')).toBe('消防救援 · 猛追湾街道 一队')
    expect(auditActor('unit:GW-elsewhere', (id) => names.get(id), '系统')).toBe('unit:GW-elsewhere')
    expect(auditActor('street-510108001', (id) => names.get(id), '系统')).toBe('street-510108001')
  })
})
