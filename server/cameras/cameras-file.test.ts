import { afterAll, describe, expect, it } from 'vitest'
import { jsonFiles } from '../../test/helpers/json-files.ts'
import { createLocator, generateDistrict, generateHierarchy } from '../../geo/index.ts'
import { loadCamerasFile, type CameraEntry } from './cameras-file.ts'

const h = generateHierarchy(generateDistrict({ seed: 'chenghua-510108' }))
const locator = createLocator(h)
const locate = (lng: number, lat: number) => locator.locate(lng, lat)
const files = jsonFiles('cameras')
const write = files.write
afterAll(files.remove)
// A point inside the district: the locator's own answer says which street it is in.
const INSIDE = { lng: 104.1, lat: 30.66 }
const cameras: CameraEntry[] = [
  { id: '51010800001320000002', name: '猛追湾公园东门', location: INSIDE, siteKind: 'park', siteId: 'PARK-07' },
  { id: '51010800001320000001', name: '建设路与二环路口', location: INSIDE, siteKind: 'street' },
]

describe('loadCamerasFile', () => {
  it('reads the district’s cameras, placed in their five tiers, in id order', () => {
    const loaded = loadCamerasFile(write(cameras), locate)
    expect(loaded.map((c) => c.id)).toEqual(['51010800001320000001', '51010800001320000002'])
    expect(loaded[1]).toEqual({ ...cameras[0], path: locate(INSIDE.lng, INSIDE.lat).path })
    expect(loaded[0]!.path.microgrid).toMatch(/^\d{18}$/)
  })

  it('names every problem at once: a repeated id, a camera outside the district, a bad field', () => {
    const bad = [cameras[0], { ...cameras[1], location: { lng: 116.4, lat: 39.9 } }, cameras[0]]
    expect(() => loadCamerasFile(write(bad), locate)).toThrow(
      /^CAMERAS_FILE .*: \[2\] id '51010800001320000002' appears twice; \[1\] 51010800001320000001: location 116\.4,39\.9 is outside the district$/,
    )
    expect(() => loadCamerasFile(write([{ ...cameras[0], siteKind: 'airport' }]), locate)).toThrow(/^CAMERAS_FILE .*\/0\/siteKind/)
    expect(() => loadCamerasFile(write([{ ...cameras[0], id: 'has spaces' }]), locate)).toThrow(/\/0\/id/)
  })
})
