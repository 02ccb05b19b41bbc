/**
 * Checks a body of position fixes (one, or an array of up to 5,000) fix by fix, so a refused batch
 * names each bad index and why: the shape, an `at` that is not ISO-8601 with an offset, a `crs` other
 * than WGS-84 (the units' GPS reports WGS-84; a shifted GCJ-02 point would put a crew 500 m off), and
 * a unit that is not on the roster.
 */
import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Timestamp } from '../../domain/event.ts'
import { UnitPositionFix } from '../../domain/units.ts'
import { schemaErrors, validateBatch, type BatchCheck, type ItemError } from '../../domain/validate-batch.ts'

const fixCheck = TypeCompiler.Compile(UnitPositionFix as TSchema)
const timeCheck = TypeCompiler.Compile(Timestamp)

/**
 * @example
 * checkFixes([{ unitId: 'GW-1', location: { lng: 104.1, lat: 30.66 } }], (id) => id === 'GW-1') // { ok: true, items: [...] }
 */
export function checkFixes(body: unknown, known: (unitId: string) => boolean): BatchCheck<UnitPositionFix> {
  return validateBatch<UnitPositionFix>(body, (item, index) => {
    const errors: ItemError[] = schemaErrors(fixCheck, item, index)
    if (errors.length > 0) return errors
    const fix = item as UnitPositionFix & { location: { crs?: unknown } }
    if (fix.location.crs !== undefined && fix.location.crs !== 'WGS84') {
      errors.push({ index, path: '/location/crs', message: 'unit positions are WGS-84 (GPS); convert other systems before sending' })
    }
    if (fix.at !== undefined && !timeCheck.Check(fix.at)) {
      errors.push({ index, path: '/at', message: 'at must be ISO-8601 with an offset, e.g. 2026-05-22T10:00:00+08:00' })
    }
    if (!known(fix.unitId)) errors.push({ index, path: '/unitId', message: `no unit ${fix.unitId}` })
    return errors
  })
}
