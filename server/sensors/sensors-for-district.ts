/** The sensor registry of a district and seed, shared with the simulation (see district-registry.ts). */
import type { SensorEntry } from '../../domain/sensors.ts'
import { createLocator, generateSites } from '../../geo/index.ts'
import { districtRegistry } from '../registry/district-registry.ts'
import { generateSensors } from './generate-sensors.ts'

const sensors = districtRegistry<SensorEntry>((full, seed) => {
  const locator = createLocator(full)
  return generateSensors(generateSites(full, { seed, locator }), { seed, locator })
})

export const rememberSensors = sensors.remember
/** @example sensorsForDistrict(generateDistrict({ seed: 'chenghua-510108' }), 'chenghua-510108').length // 25620 */
export const sensorsForDistrict = sensors.forDistrict
