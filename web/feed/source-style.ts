/**
 * How each event source looks on the wall: one colour and one line icon per source, shared by the
 * feed, the counters, the filter chips, the map markers and the legend, so a colour means the same
 * source everywhere. Severity keeps its own palette (severity-colors.ts); the two never swap roles.
 *
 * A sensor's event is drawn by its state, because a fault or a lost sensor must never read as a
 * fire: an alarm is a red flame, a fault an amber wrench, an offline sensor a grey crossed-out
 * signal, a return to normal a muted tick.
 */
import type { Source, StoredEvent } from '../../domain/event.ts'

export const SOURCE_COLORS: Record<Source, string> = {
  incident: '#7ddc4a',
  sensor: '#ff5b4f',
  detection: '#b48cff',
  hotline: '#33d6c2',
  cap: '#ff74c8',
}

/** The icons drawn anywhere on the wall, as 24×24 stroked SVG paths (also drawn onto the map's canvas). */
export const ICON_PATHS = {
  // a person with a badge: the grid worker
  incident: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z', 'M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7', 'M12 15.5v3'],
  // a sensor radiating: IoT, the source as a whole
  sensor: ['M12 13.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z', 'M8.5 8.5a5 5 0 0 0 0 7', 'M15.5 8.5a5 5 0 0 1 0 7', 'M5.6 5.6a9 9 0 0 0 0 12.8', 'M18.4 5.6a9 9 0 0 1 0 12.8'],
  // a flame: a sensor in alarm
  flame: ['M12 2.8c1 3.4 5.5 5.6 5.5 10.7a5.5 5.5 0 0 1-11 0c0-2.6 1.5-4.4 2.8-5.6.1 1.9.9 3.1 2.2 3.5-.5-2.8-.2-5.8.5-8.6Z', 'M12 20.2a2.2 2.2 0 0 1-2.2-2.2c0-1.4 1.2-2.3 2.2-3.6 1 1.3 2.2 2.2 2.2 3.6a2.2 2.2 0 0 1-2.2 2.2Z'],
  // a wrench: a sensor reporting a fault
  wrench: ['M4.5 19.5 11.8 12.2', 'M14.1 4.3a4.8 4.8 0 0 0 5.6 5.6l-2.5-2.5.5-2.6-2.6.5Z', 'M11.8 12.2a4.8 4.8 0 0 0 2.3-2.3'],
  // a signal crossed out: a sensor that stopped beating
  offline: ['M12 13.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z', 'M8.5 8.5a5 5 0 0 0 0 7', 'M15.5 8.5a5 5 0 0 1 0 7', 'M4 4l16 16'],
  // a tick in a circle: a sensor back to normal
  normal: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z', 'M8 12.4l2.8 2.8L16.2 9.6'],
  // a camera: AI detection
  detection: ['M3 8.5h12.5v8H3Z', 'M15.5 11 21 8v9l-5.5-3', 'M6.5 6V4.5'],
  // a handset: 12345 hotline
  hotline: ['M6.6 3.5 9.4 6.3 7.6 8.6a12 12 0 0 0 7.8 7.8l2.3-1.8 2.8 2.8-2 3A16 16 0 0 1 3.6 5.5Z'],
  // a warning triangle: CAP public warning
  cap: ['M12 3.5 21.5 20h-19Z', 'M12 10v4.5', 'M12 17.2v.3'],
} as const satisfies Record<string, readonly string[]>

export type IconName = keyof typeof ICON_PATHS

/** Every way an event can be drawn: its source, or for sensors the state that changes its meaning. */
export const MARKER_KINDS = ['incident', 'sensor_alarm', 'sensor_fault', 'sensor_offline', 'sensor_normal', 'detection', 'hotline', 'cap'] as const
export type MarkerKind = (typeof MARKER_KINDS)[number]

export interface MarkerStyle {
  kind: MarkerKind
  source: Source
  icon: IconName
  color: string
}

export const MARKER_STYLES: Record<MarkerKind, MarkerStyle> = {
  incident: { kind: 'incident', source: 'incident', icon: 'incident', color: SOURCE_COLORS.incident },
  sensor_alarm: { kind: 'sensor_alarm', source: 'sensor', icon: 'flame', color: SOURCE_COLORS.sensor },
  sensor_fault: { kind: 'sensor_fault', source: 'sensor', icon: 'wrench', color: '#f2a93b' },
  sensor_offline: { kind: 'sensor_offline', source: 'sensor', icon: 'offline', color: '#8796ad' },
  sensor_normal: { kind: 'sensor_normal', source: 'sensor', icon: 'normal', color: '#78b3a6' },
  detection: { kind: 'detection', source: 'detection', icon: 'detection', color: SOURCE_COLORS.detection },
  hotline: { kind: 'hotline', source: 'hotline', icon: 'hotline', color: SOURCE_COLORS.hotline },
  cap: { kind: 'cap', source: 'cap', icon: 'cap', color: SOURCE_COLORS.cap },
}

/** The source as a whole (counters, chips, legend headings): its own icon and colour. */
export function sourceStyle(source: Source): { icon: IconName; color: string } {
  return { icon: source, color: SOURCE_COLORS[source] }
}

/**
 * How one event is drawn. A sensor state the wall does not know (or none) is drawn as an alarm,
 * the safe side: an unknown sensor message is looked at, not ignored.
 *
 * @example
 * markerStyle({ source: 'sensor', attrs: { state: 'fault' } }).icon // 'wrench'
 * markerStyle({ source: 'hotline', attrs: {} }).color               // '#33d6c2'
 */
export function markerStyle(event: Pick<StoredEvent, 'source' | 'attrs'>): MarkerStyle {
  if (event.source !== 'sensor') return MARKER_STYLES[event.source]
  switch (event.attrs['state']) {
    case 'fault':
      return MARKER_STYLES.sensor_fault
    case 'offline':
      return MARKER_STYLES.sensor_offline
    case 'normal':
      return MARKER_STYLES.sensor_normal
    default:
      return MARKER_STYLES.sensor_alarm
  }
}

/** The legend's rows: each source, with the sensor's states that must not read as fires. */
export const LEGEND_KINDS: readonly MarkerKind[] = ['incident', 'sensor_alarm', 'sensor_fault', 'sensor_offline', 'detection', 'hotline', 'cap']
