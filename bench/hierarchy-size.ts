/** The size of each level's GeoJSON as served: raw JSON beside the gzip the server sends. */
import { gzipSync } from 'node:zlib'
import { LEVELS } from '../domain/geo.ts'
import { generateHierarchy, levelCollection } from '../geo/index.ts'
import { district } from './workload.ts'

export function benchHierarchySize() {
  const full = generateHierarchy(district)
  return LEVELS.map((level) => {
    const json = Buffer.from(JSON.stringify(levelCollection(full, level)))
    return { level, features: levelCollection(full, level).features.length, raw: json.length, gzip: gzipSync(json).length }
  })
}
