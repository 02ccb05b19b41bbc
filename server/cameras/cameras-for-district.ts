/** The camera registry of a district and seed, shared with the simulation (see district-registry.ts). */
import type { Camera } from '../../domain/cameras.ts'
import { generateSites } from '../../geo/index.ts'
import { districtRegistry } from '../registry/district-registry.ts'
import { generateCameras } from './generate-cameras.ts'

const cameras = districtRegistry<Camera>((full, seed) => generateCameras(full, generateSites(full, { seed }), { seed }))

export const rememberCameras = cameras.remember
/** @example camerasForDistrict(generateDistrict({ seed: 'chenghua-510108' }), 'chenghua-510108').length // 1200 */
export const camerasForDistrict = cameras.forDistrict
