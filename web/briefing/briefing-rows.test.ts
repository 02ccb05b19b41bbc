import { describe, expect, it } from 'vitest'
import { SOURCES } from '../../domain/event.ts'
import { SEVERITIES_DESC } from '../map/severity-colors.ts'
import { makeDailyBriefing, makeIncident, makeWarning } from '../testing/briefing-fixture.ts'
import {
  breakdownRows, HEADLINE_FIGURES, headlineCards, hotspotRows, incidentRows, incidentTime, streetRows, topicRows, warningRows,
} from './briefing-rows.ts'

describe('headlineCards', () => {
  it('gives every figure in reading order with its value, the period before and the change', () => {
    const cards = headlineCards(makeDailyBriefing().headline)
    expect(cards.map((c) => c.key)).toEqual([...HEADLINE_FIGURES])
    const byKey = Object.fromEntries(cards.map((c) => [c.key, c]))
    expect(byKey.opened).toMatchObject({ value: '214', previous: '296', change: { direction: 'down', value: '28', tone: 'neutral' } })
    expect(byKey.resolved!.change).toMatchObject({ direction: 'down', tone: 'worse' })
    expect(byKey.riskWarnings!.change).toMatchObject({ direction: 'down', tone: 'better' })
    expect(byKey.responseRate).toMatchObject({ value: '93.4%', previous: '91.2%', change: { direction: 'up', value: '2.2', unit: 'points', tone: 'better' } })
    expect(byKey.satisfactionRate).toMatchObject({ value: '95.0%', previous: '—', change: { direction: 'none' } })
  })

  it('writes large counts with separators', () => {
    const h = makeDailyBriefing().headline
    const cards = headlineCards({ ...h, events: { now: 12034, previous: 9876 } })
    expect(cards[0]).toMatchObject({ value: '12,034', previous: '9,876', change: { direction: 'up', value: '22', tone: 'worse' } })
  })
})

describe('breakdownRows', () => {
  it('lists in the order given and leaves out what was nothing in both periods', () => {
    const h = makeDailyBriefing().headline
    const severities = breakdownRows(h.bySeverity, (r) => r.severity, SEVERITIES_DESC)
    expect(severities.map((r) => r.key)).toEqual(['extreme', 'severe', 'moderate', 'minor'])
    expect(severities[0]).toMatchObject({ now: 2, previous: 1, change: { direction: 'up', value: '100' } })
    const sources = breakdownRows(
      h.bySource.map((s) => (s.source === 'cap' ? { ...s, now: 0, previous: 0 } : s)),
      (r) => r.source,
      SOURCES,
    )
    expect(sources.map((r) => r.key)).toEqual(['incident', 'sensor', 'detection', 'hotline'])
  })
})

describe('streetRows', () => {
  it('ranks by KPI, unscored streets last, with each street’s events and their change beside', () => {
    const rows = streetRows(makeDailyBriefing())
    expect(rows.map((r) => [r.rank, r.name, r.score])).toEqual([
      [1, '双桥子街道', '93.0'],
      [2, '猛追湾街道', '88.3'],
      [3, '二仙桥街道', '84.0'],
      [4, '府青路街道', '79.3'],
      [5, '跳蹬河街道', '—'],
    ])
    expect(rows[0]).toMatchObject({ response: '98%', resolution: '81%', satisfaction: '100%', events: { now: 79, previous: 91 } })
    expect(rows[0]!.eventsChange).toMatchObject({ direction: 'down' })
    expect(rows[4]!.scored).toBe(false)
  })

  it('still lists a street with events but no KPI row, after the ranked ones', () => {
    const b = makeDailyBriefing()
    const rows = streetRows({ ...b, kpi: { ...b.kpi, streets: b.kpi.streets.slice(0, 2) } })
    expect(rows.map((r) => r.name)).toEqual(['双桥子街道', '猛追湾街道', '府青路街道', '二仙桥街道', '跳蹬河街道'])
    expect(rows[2]).toMatchObject({ scored: false, score: '—', response: '—', events: { now: 68, previous: 82 } })
  })
})

describe('hotspotRows', () => {
  it('numbers the hotspots as their map markers are, with the category in the locale', () => {
    const rows = hotspotRows(makeDailyBriefing().hotspots, 'zh-CN')
    expect(rows.map((r) => [r.no, r.communityName, r.streetName, r.category, r.count, r.previous])).toEqual([
      [1, '桃蹊路社区', '猛追湾街道', '噪声扰民', 14, 5],
      [2, '府青路社区', '府青路街道', '环境卫生', 9, 9],
      [3, '双桥路社区', '双桥子街道', '垃圾清运', 7, 0],
    ])
    expect(rows.map((r) => r.change.direction)).toEqual(['up', 'flat', 'new'])
    expect(hotspotRows(makeDailyBriefing().hotspots, 'en')[0]!.category).toBe('Noise')
  })
})

describe('incidentRows', () => {
  it('gives the time by the clock for a day, with the date for a week', () => {
    expect(incidentTime('2026-12-07T03:12:00Z', 'daily')).toBe('11:12')
    expect(incidentTime('2026-12-07T03:12:00Z', 'weekly')).toBe('12-07 11:12')
  })

  it('shows the title as it came, the place, and the case with its status in the locale', () => {
    const rows = incidentRows(makeDailyBriefing().notable, 'daily', 'zh-CN')
    expect(rows[0]).toMatchObject({
      severity: 'extreme', category: '燃气', title: '建设路 12 号燃气泄漏报警', time: '11:12', place: '建设路街道 · 建设路社区',
      caseId: 'C20261207-0012', caseStatus: '已到场', eventCount: 6,
    })
    // Markup in a title stays text: the row carries it verbatim, the template escapes it.
    expect(rows[1]!.title).toBe('<b>楼道</b>堆放杂物堵塞消防通道')
    expect(incidentRows([makeIncident()], 'daily', 'en')[0]!.caseStatus).toBe('On scene')
  })

  it('falls back to the category for an untitled event, and to nothing for a place outside every street', () => {
    const row = incidentRows(makeDailyBriefing().notable, 'daily', 'zh-CN')[2]!
    expect(row).toMatchObject({ title: '犬类未系绳', place: null, caseId: null, caseStatus: null })
    expect(incidentRows([makeIncident({ communityName: null })], 'daily', 'zh-CN')[0]!.place).toBe('建设路街道')
  })
})

describe('topicRows', () => {
  it('gives the 30-day count against the 30 days before and where it concentrates', () => {
    const [noise, parking] = topicRows(makeDailyBriefing().topics.items, 'zh-CN')
    expect(noise).toMatchObject({ category: '噪声扰民', count: 312, previous: 208, communities: 41, change: { direction: 'up', value: '50' } })
    expect(noise!.top[0]).toEqual({ place: '猛追湾街道 · 桃蹊路社区', count: 38 })
    expect(parking).toMatchObject({ category: '违章停车', change: { direction: 'down', value: '11' } })
  })
})

describe('warningRows', () => {
  it('names the grid with its street and the levels in the locale', () => {
    const names = new Map([['510108001', '猛追湾街道']])
    const rows = warningRows([makeWarning(), makeWarning({ id: 'w-9', streetId: '510108099' })], 'daily', 'zh-CN', (id) => names.get(id))
    expect(rows[0]).toMatchObject({ place: '猛追湾街道 · 第4网格', fromLabel: '黄色', toLabel: '橙色', to: 'orange', score: '63.4', time: '13:40' })
    // A street the page cannot name shows its id rather than nothing.
    expect(rows[1]!.place).toBe('510108099 · 第4网格')
    expect(warningRows([makeWarning()], 'weekly', 'en', () => undefined)[0]).toMatchObject({ toLabel: 'Orange', time: '12-07 13:40' })
  })

  it('does not repeat the street when the grid’s name already holds it', () => {
    const named = makeWarning({ name: '猛追湾街道 · 桃蹊路社区 · 第4网格' })
    expect(warningRows([named], 'daily', 'zh-CN', () => '猛追湾街道')[0]!.place).toBe('猛追湾街道 · 桃蹊路社区 · 第4网格')
  })
})
