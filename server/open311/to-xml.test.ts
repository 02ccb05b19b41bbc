import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { toXml } from './to-xml.ts'

const parse = (xml: string) => new XMLParser({ parseTagValue: false }).parse(xml)

describe('toXml', () => {
  it('writes the declaration and repeats singular elements for arrays (Spark convention)', () => {
    const xml = toXml('service_definition', { service_code: 'noise', attributes: [{ code: 'a', values: [{ key: 'k1', name: '一' }, { key: 'k2', name: '二' }] }] })
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_definition>')).toBe(true)
    expect(parse(xml).service_definition.attributes.attribute.values.value).toEqual([{ key: 'k1', name: '一' }, { key: 'k2', name: '二' }])
  })

  it('writes null as an empty element, escapes markup and drops characters XML cannot carry', () => {
    const xml = toXml('service_requests', [{ account_id: null, description: '<b>&</b>\u0001ok' }])
    expect(xml).toContain('<account_id/>')
    expect(xml).toContain('&lt;b&gt;&amp;&lt;/b&gt;ok')
  })
})
