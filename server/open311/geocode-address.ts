/**
 * A small, honest geocoder for Open311's `address_string`: it finds the name of a street (街道) or
 * community (社区) of the district in the text and answers with that node's label point, the same
 * point the wall puts the node's name on. It knows no roads or house numbers, so the point is only as
 * precise as the node it names, and the reply says which node that was. Nothing matched: undefined.
 */
import type { MultiPolygon, Polygon } from 'geojson'
import type { FullHierarchy } from '../../geo/index.ts'
import { labelPoint } from '../../geo/label-point.ts'

export interface GeocodeMatch {
  level: 'street' | 'community'
  id: string
  name: string
  lng: number
  lat: number
}

interface Candidate {
  level: 'street' | 'community'
  id: string
  name: string
  /** The street it lies in (itself for a street). */
  streetId: string
  /** The full name and, when long enough to mean something, the name without 街道 / 社区. */
  needles: string[]
  geometry: Polygon | MultiPolygon
}

const SUFFIX = { street: /街道(办事处)?$/, community: /社区$/ } as const

function needlesFor(level: 'street' | 'community', name: string): string[] {
  const stem = name.replace(SUFFIX[level], '')
  // A one-character stem would match almost any text, so stems need two characters (圣灯, 保和).
  return stem !== name && stem.length >= 2 ? [name, stem] : [name]
}

/** The longest needle of `c` found in `text`, with whether it was the full name; undefined if none. */
function bestHit(c: Candidate, text: string): { length: number; full: boolean } | undefined {
  for (const needle of c.needles) if (text.includes(needle)) return { length: needle.length, full: needle === c.name }
  return undefined
}

const better = (a: { length: number; full: boolean }, b: { length: number; full: boolean }) =>
  a.full !== b.full ? a.full : a.length > b.length

/**
 * @example
 * const geocode = createAddressGeocoder(fastify.district)
 * geocode('成华区猛追湾街道望平路社区香香巷 12 号') // { level: 'community', id: '510108001004', name: '望平路社区', lng, lat }
 */
export function createAddressGeocoder(h: FullHierarchy): (address: string) => GeocodeMatch | undefined {
  const streets: Candidate[] = h.streets.map((f) => ({
    level: 'street', id: f.properties.id, name: f.properties.name, streetId: f.properties.id,
    needles: needlesFor('street', f.properties.name), geometry: f.geometry,
  }))
  const communities: Candidate[] = h.communities.map((f) => ({
    level: 'community', id: f.properties.id, name: f.properties.name, streetId: f.properties.parentId ?? '',
    needles: needlesFor('community', f.properties.name), geometry: f.geometry,
  }))
  const points = new Map<string, [number, number] | null>()
  const pointOf = (c: Candidate) => {
    if (!points.has(c.id)) points.set(c.id, labelPoint(c.geometry))
    return points.get(c.id) ?? null
  }

  function pick(list: Candidate[], text: string): Candidate | undefined {
    let best: { c: Candidate; hit: { length: number; full: boolean } } | undefined
    for (const c of list) {
      const hit = bestHit(c, text)
      if (hit && (!best || better(hit, best.hit))) best = { c, hit }
    }
    return best?.c
  }

  return (address) => {
    const text = address.replace(/\s+/g, '')
    const street = pick(streets, text)
    // A named street narrows the communities: a community name that belongs to another street is more
    // likely a road or shop of the same name than a contradiction in the caller's address.
    const community = pick(street ? communities.filter((c) => c.streetId === street.id) : communities, text)
    const node = community ?? street
    if (!node) return undefined
    const point = pointOf(node)
    if (!point) return undefined
    return { level: node.level, id: node.id, name: node.name, lng: point[0], lat: point[1] }
  }
}
