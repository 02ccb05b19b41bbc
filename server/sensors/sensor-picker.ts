/** Picks registered sensors for the simulation, by street; the registry is loaded on the first pick. */
import type { SensorEntry } from '../../domain/sensors.ts'
import type { DistrictHierarchy, Random } from '../../geo/index.ts'
import { sensorsForDistrict } from './sensors-for-district.ts'

export interface SensorPicker {
  /** A sensor in the street, or anywhere when the street has none. */
  pick(rng: Random, streetId: string): SensorEntry
}

/**
 * @example
 * createSensorPicker(district, 'chenghua-510108').pick(rng, '510108001').id // 'SEN-510108001-00342'
 */
export function createSensorPicker(district: DistrictHierarchy, seed: string): SensorPicker {
  let byStreet: Map<string, SensorEntry[]> | undefined
  let all: readonly SensorEntry[] = []
  return {
    pick(rng, streetId) {
      if (!byStreet) {
        all = sensorsForDistrict(district, seed)
        byStreet = new Map()
        for (const s of all) {
          const key = s.path.street ?? ''
          const list = byStreet.get(key)
          if (list) list.push(s)
          else byStreet.set(key, [s])
        }
      }
      if (all.length === 0) throw new Error('the sensor registry is empty: nothing to simulate')
      const own = byStreet.get(streetId)
      return rng.pick(own && own.length > 0 ? own : all)
    },
  }
}
