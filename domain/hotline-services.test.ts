import { describe, expect, it } from 'vitest'
import { HOTLINE_SERVICES, findHotlineService } from './hotline-services.ts'
import { TAXONOMY, findCategory } from './taxonomy.ts'

describe('the 12345 service list', () => {
  it('is about thirty services in the nine hotline groups, and is the hotline taxonomy', () => {
    expect(HOTLINE_SERVICES.length).toBeGreaterThanOrEqual(28)
    expect(new Set(HOTLINE_SERVICES.map((s) => s.group))).toEqual(new Set(['城市管理', '物业与住房', '市政设施', '水电气暖', '生态环境', '交通出行', '市场监管', '劳动保障', '文明养犬']))
    expect(TAXONOMY.hotline).toBe(HOTLINE_SERVICES)
    expect(findCategory('hotline', 'noise')).toBe(findHotlineService('noise'))
  })

  it('keeps every code the rest of the app already uses', () => {
    const codes = HOTLINE_SERVICES.map((s) => s.code)
    for (const code of ['city_appearance', 'illegal_construction', 'property_management', 'noise', 'water_supply', 'power_supply', 'gas_supply',
      'heating', 'road_damage', 'waterlogging', 'fallen_tree', 'market_supervision', 'wage_arrears', 'dog_keeping']) expect(codes).toContain(code)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('has well-formed Open311 definitions: unique codes and orders, values exactly for lists, an SLA', () => {
    for (const s of HOTLINE_SERVICES) {
      expect(s.sla.respondHours, s.code).toBeGreaterThan(0)
      expect(s.sla.resolveHours, s.code).toBeGreaterThanOrEqual(s.sla.respondHours)
      expect(new Set(s.attributes.map((a) => a.code)).size, s.code).toBe(s.attributes.length)
      expect(s.attributes.map((a) => a.order), s.code).toEqual(s.attributes.map((_, i) => i + 1))
      for (const a of s.attributes) {
        const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist'
        expect(Boolean(a.values?.length), `${s.code}.${a.code}`).toBe(isList)
        if (!a.variable) expect(a.required, `${s.code}.${a.code}`).toBe(false)
      }
    }
  })

  it('defines the attributes the issue names', () => {
    expect(findHotlineService('noise')!.attributes.map((a) => a.description)).toEqual(expect.arrayContaining(['噪声类型', '发生时段']))
    expect(findHotlineService('noise')!.attributes[0]!.values!.map((v) => v.name)).toEqual(['施工', '商铺', '生活', '交通'])
    expect(findHotlineService('heating')!.attributes.find((a) => a.code === 'households')).toMatchObject({ datatype: 'number', description: '影响户数' })
  })
})
