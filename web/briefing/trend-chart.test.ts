import { describe, expect, it } from 'vitest'
import { makeDailyBriefing, makeWeeklyBriefing } from '../testing/briefing-fixture.ts'
import { bucketLabel, labelEvery, niceScale, trendChart, type Box } from './trend-chart.ts'

const BOX: Box = { width: 720, height: 240, top: 10, right: 10, bottom: 30, left: 40 }

describe('niceScale', () => {
  it('rounds the top up to a step of 1, 2 or 5 times a power of ten', () => {
    expect(niceScale(58)).toEqual({ top: 60, step: 20 })
    expect(niceScale(60)).toEqual({ top: 60, step: 20 })
    expect(niceScale(701)).toEqual({ top: 800, step: 200 })
    expect(niceScale(7)).toEqual({ top: 8, step: 2 })
    expect(niceScale(1)).toEqual({ top: 1, step: 1 })
  })

  it('keeps whole steps for small counts and an axis for an empty chart', () => {
    expect(niceScale(3)).toEqual({ top: 3, step: 1 })
    expect(niceScale(0)).toEqual({ top: 4, step: 1 })
  })
})

describe('labelEvery', () => {
  it('thins the labels to at most the number asked', () => {
    expect(labelEvery(24, 8)).toBe(3)
    expect(labelEvery(7, 8)).toBe(1)
    expect(labelEvery(0, 8)).toBe(1)
  })
})

describe('trendChart', () => {
  it('draws a bar for each hour begun, none for the hours to come, and the day before as a line through all', () => {
    const b = makeDailyBriefing()
    const chart = trendChart(b.trend.buckets, BOX, b.generatedAt)
    // Generated at 14:32: hours 00 to 14 have begun.
    expect(chart.bars.map((bar) => bar.label)).toEqual(b.trend.buckets.slice(0, 15).map((x) => x.label))
    expect(chart.previousPoints).toHaveLength(24)
    expect(chart.previousPath.startsWith('M')).toBe(true)
    expect(chart.previousPath.split('L')).toHaveLength(24)
  })

  it('scales bars and line on one axis, zero on the plot’s floor', () => {
    const b = makeDailyBriefing()
    const chart = trendChart(b.trend.buckets, BOX, b.generatedAt)
    const floor = BOX.height - BOX.bottom
    // The busiest value (58 the day before, at 17:00) sets a top of 60.
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '20', '40', '60'])
    expect(chart.yTicks[0]!.y).toBe(floor)
    expect(chart.yTicks.at(-1)!.y).toBe(BOX.top)
    for (const bar of chart.bars) {
      expect(bar.y + bar.height).toBeCloseTo(floor)
      expect(bar.height).toBeCloseTo((bar.now / 60) * (floor - BOX.top))
    }
    const at17 = chart.previousPoints[17]!
    expect(at17.y).toBeCloseTo(floor - (58 / 60) * (floor - BOX.top))
  })

  it('centres each bar in its slot and thins a day’s 24 labels to every third hour', () => {
    const b = makeDailyBriefing()
    const chart = trendChart(b.trend.buckets, BOX, b.generatedAt)
    const slot = (BOX.width - BOX.left - BOX.right) / 24
    const first = chart.bars[0]!
    expect(first.x + first.width / 2).toBeCloseTo(BOX.left + slot / 2)
    expect(chart.xLabels.map((l) => l.label)).toEqual(['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00'])
  })

  it('draws every day of a finished week and labels them all', () => {
    const b = makeWeeklyBriefing()
    const chart = trendChart(b.trend.buckets, BOX, null)
    expect(chart.bars).toHaveLength(7)
    expect(chart.xLabels).toHaveLength(7)
    expect(chart.yTicks.at(-1)!.label).toBe('800')
  })
})

describe('bucketLabel', () => {
  it('keeps the server’s label in Chinese and for hours, and names an English day’s weekday', () => {
    const monday = { start: '2026-12-06T16:00:00.000Z', label: '12-07 周一' }
    expect(bucketLabel(monday, 'day', 'zh-CN')).toBe('12-07 周一')
    expect(bucketLabel(monday, 'day', 'en')).toBe('12-07 Mon')
    expect(bucketLabel({ start: '2026-12-07T00:00:00.000Z', label: '08:00' }, 'hour', 'en')).toBe('08:00')
  })
})
