import { describe, expect, it } from 'vitest'
import { SOURCES } from '../../domain/event.ts'
import { SEVERITY_COLORS } from '../map/severity-colors.ts'
import { makeEvent } from '../testing/event-fixture.ts'
import { ICON_PATHS, LEGEND_KINDS, MARKER_KINDS, MARKER_STYLES, markerStyle, SOURCE_COLORS, sourceStyle } from './source-style.ts'

const sensor = (state: unknown) => makeEvent(1, { source: 'sensor', category: 'smoke', attrs: { sensorId: 'SM-1', state } })

describe('source styles', () => {
  it('gives every source its own colour, none of them a severity colour', () => {
    const colours = SOURCES.map((s) => SOURCE_COLORS[s])
    expect(new Set(colours).size).toBe(SOURCES.length)
    for (const c of colours) expect(Object.values(SEVERITY_COLORS)).not.toContain(c)
  })

  it('gives every source its own icon, and every marker kind an icon that exists', () => {
    expect(new Set(SOURCES.map((s) => JSON.stringify(ICON_PATHS[sourceStyle(s).icon]))).size).toBe(SOURCES.length)
    for (const kind of MARKER_KINDS) {
      expect(MARKER_STYLES[kind].kind).toBe(kind)
      expect(ICON_PATHS[MARKER_STYLES[kind].icon].length).toBeGreaterThan(0)
    }
  })

  it('draws a sensor fault or an offline sensor unlike a fire, in neither the flame nor its colour', () => {
    const alarm = markerStyle(sensor('alarm'))
    expect(alarm).toMatchObject({ icon: 'flame', color: SOURCE_COLORS.sensor })
    for (const state of ['fault', 'offline', 'normal']) {
      const s = markerStyle(sensor(state))
      expect(s.icon).not.toBe('flame')
      expect(s.color).not.toBe(alarm.color)
      expect(s.source).toBe('sensor')
    }
    expect(markerStyle(sensor('fault')).icon).toBe('wrench')
    expect(markerStyle(sensor('offline')).kind).toBe('sensor_offline')
  })

  it('draws an unknown sensor state as an alarm, the side that gets looked at', () => {
    expect(markerStyle(sensor('smouldering')).kind).toBe('sensor_alarm')
    expect(markerStyle(sensor(undefined)).kind).toBe('sensor_alarm')
  })

  it('draws other sources by source, whatever their attrs say', () => {
    expect(markerStyle(makeEvent(1, { source: 'hotline', attrs: { state: 'fault' } })).kind).toBe('hotline')
    expect(markerStyle(makeEvent(1, { source: 'cap' })).color).toBe(SOURCE_COLORS.cap)
  })

  it('lists the sensor states that must not read as fires in the legend', () => {
    expect(LEGEND_KINDS).toEqual(expect.arrayContaining(['sensor_alarm', 'sensor_fault', 'sensor_offline']))
    for (const s of SOURCES) expect(LEGEND_KINDS.some((k) => MARKER_STYLES[k].source === s)).toBe(true)
  })
})
