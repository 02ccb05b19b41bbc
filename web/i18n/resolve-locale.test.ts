import { describe, expect, it } from 'vitest'
import { messages } from './messages.ts'
import { normaliseLocale, resolveLocale } from './resolve-locale.ts'

describe('normaliseLocale', () => {
  it.each([
    ['en', 'en'],
    ['EN-us', 'en'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh_TW', 'zh-CN'],
    ['fr', null],
    ['', null],
    [null, null],
  ])('%s → %s', (tag, expected) => {
    expect(normaliseLocale(tag)).toBe(expected)
  })
})

describe('resolveLocale', () => {
  it('defaults to Chinese', () => {
    expect(resolveLocale({})).toBe('zh-CN')
  })
  it('prefers the query over the stored choice', () => {
    expect(resolveLocale({ query: 'en', stored: 'zh-CN' })).toBe('en')
    expect(resolveLocale({ query: 'zh', stored: 'en' })).toBe('zh-CN')
  })
  it('falls back to the stored choice when the query is missing or unknown', () => {
    expect(resolveLocale({ query: null, stored: 'en' })).toBe('en')
    expect(resolveLocale({ query: 'xx', stored: 'en' })).toBe('en')
  })
})

describe('messages', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))

  it('has the same keys in every locale', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort())
  })

  it('names the wall as the design asks', () => {
    expect(messages['zh-CN'].app.title).toBe('网格哨 · 成华区城市运行中心')
    expect(messages['zh-CN'].connection.stale).toBe('数据已过期 · 自 {time}')
  })
})
