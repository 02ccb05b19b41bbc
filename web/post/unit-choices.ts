/**
 * The dispatch picker's list: the street's units that may be sent now (available or cleared), the
 * nearest to the case first, with their kind and status in words.
 */
import { DISPATCHABLE_STATUSES, UNIT_KIND_LABELS, UNIT_STATUS_LABELS, type Unit } from '../../domain/units.ts'
import type { LngLat } from '../../domain/event.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import { distanceM, formatDistance } from './distance.ts'
import { departmentLabel } from './queue-rows.ts'

export interface UnitChoice {
  id: string
  name: string
  kind: string
  kindCode: Unit['kind']
  status: string
  statusCode: Unit['status']
  department: string | null
  distanceM: number
  distance: string
}

/**
 * @example
 * unitChoices(units, caseLocation, 'zh-CN') // [{ id: 'U-1', name: '…', kind: '网格员', distance: '320 m', … }, …]
 */
export function unitChoices(units: readonly Unit[], at: LngLat, locale: AppLocale): UnitChoice[] {
  const lang = locale === 'en' ? 'en' : 'zh'
  return units
    .filter((u) => DISPATCHABLE_STATUSES.includes(u.status))
    .map((u) => {
      const d = distanceM(at, u.location)
      return {
        id: u.id,
        name: u.name,
        kind: UNIT_KIND_LABELS[u.kind][lang],
        kindCode: u.kind,
        status: UNIT_STATUS_LABELS[u.status][lang],
        statusCode: u.status,
        department: u.department ? departmentLabel(u.department, lang) : null,
        distanceM: d,
        distance: formatDistance(d),
      }
    })
    .sort((a, b) => a.distanceM - b.distanceM || a.id.localeCompare(b.id))
}
