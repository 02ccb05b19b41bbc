/**
 * Finds the automatic hotspots (高频事件, domain/hotspots.ts) in the reports of the window: per
 * category, the communities well above their baseline, and the dense clusters. A hotspot found again
 * keeps its id, when it was first found and the case it was sent as: a frequency hotspot by its
 * community and category, a cluster by sharing any report with one found before.
 */
import type { AutoHotspot, ClusterHotspot, FrequencyHotspot } from '../../domain/hotspots.ts'
import type { Path } from '../../domain/event.ts'
import { blockSideM, findClusters } from './find-clusters.ts'
import type { Report } from './report-window.ts'

const DAY_MS = 86_400_000
const EVENT_IDS_MAX = 50
/**
 * At most this many are active at once, the strongest (and every one already sent). A busy district's
 * first days, compared only with its other communities, can flag hundreds (a test at 46 times a real
 * district's reports found 1,559), which no wall or post can show usefully.
 */
export const MAX_ACTIVE = 50

/** How far above what was expected: the order in which hotspots are kept. */
const strength = new WeakMap<AutoHotspot, number>()

export interface AutoHotspotSettings {
  windowMs: number
  /** At least this many reports make a hotspot of either kind. */
  minCount: number
  /** A community is hot at `ratio` × its expected count + `margin`, and `minCount`. */
  ratio: number
  margin: number
  clusterRadiusM: number
  /** The district's area, m²: a cluster must be dense against the category's own spread over it. */
  districtAreaM2: number
}

export const DEFAULT_AUTO_HOTSPOT_SETTINGS: Omit<AutoHotspotSettings, 'windowMs' | 'districtAreaM2'> = { minCount: 5, ratio: 3, margin: 2, clusterRadiusM: 150 }

export interface Community {
  id: string
  name: string
  /** Where its marker goes: its label point. */
  location: { lng: number; lat: number }
  path: Path
}

export interface Baseline {
  /** The community's mean daily count of the key, or undefined with too little history. */
  dailyMean(community: string, key: string, nowMs: number): number | undefined
}

const iso = (ms: number) => new Date(ms).toISOString()
const latestIds = (reports: readonly Report[]) => reports.slice(-EVENT_IDS_MAX).map((r) => r.id)

export function createAutoHotspotFinder(opts: {
  communities: ReadonlyMap<string, Community>
  baseline: Baseline
  settings: AutoHotspotSettings
  /** The case a hotspot was sent as before a restart, if it was. */
  caseOf: (id: string) => string | null
}) {
  const { communities, baseline, settings } = opts
  let active = new Map<string, AutoHotspot>()

  function frequency(key: string, reports: readonly Report[], nowMs: number): FrequencyHotspot[] {
    const byCommunity = new Map<string, Report[]>()
    for (const r of reports) {
      const list = byCommunity.get(r.path.community!) ?? []
      list.push(r)
      byCommunity.set(r.path.community!, list)
    }
    // Without history of its own, a community is compared with the rest of the district now: the mean
    // per community of the others (its own reports would otherwise raise the bar they are measured by).
    const othersMean = (own: number) => (reports.length - own) / Math.max(1, communities.size - 1)
    const out: FrequencyHotspot[] = []
    for (const [id, list] of byCommunity) {
      const community = communities.get(id)
      if (!community || list.length < settings.minCount) continue
      const own = baseline.dailyMean(id, key, nowMs)
      const expected = own === undefined ? othersMean(list.length) : (own * settings.windowMs) / DAY_MS
      if (list.length < settings.ratio * expected + settings.margin) continue
      const first = list[0]!
      const h: FrequencyHotspot = {
        type: 'frequency', id: `HF-${id}-${key}`, source: first.source, category: first.category, count: list.length,
        firstAt: iso(first.atMs), lastAt: iso(list.at(-1)!.atMs), location: community.location, path: community.path,
        eventIds: latestIds(list), detectedAt: iso(nowMs), caseId: null,
        areaId: id, areaName: community.name, expected: Math.round(expected * 10) / 10, baseline: own === undefined ? 'district' : 'own',
      }
      strength.set(h, list.length / (expected + 1))
      out.push(h)
    }
    return out
  }

  function clusters(key: string, reports: readonly Report[], nowMs: number): ClusterHotspot[] {
    // Where a category is common everywhere, five within 150 m is chance, and clusters would chain
    // across whole streets: a cluster needs three times what an even spread would put in its block.
    const even = (reports.length * blockSideM(settings.clusterRadiusM) ** 2) / settings.districtAreaM2
    const minPoints = Math.max(settings.minCount, Math.ceil(settings.ratio * even))
    return findClusters(reports, settings.clusterRadiusM, minPoints).map((c) => {
      const members = [...c.reports].sort((a, b) => a.atMs - b.atMs)
      const first = members[0]!
      const nearest = members.reduce((best, r) => {
        const d = (r.lng - c.centre.lng) ** 2 + (r.lat - c.centre.lat) ** 2
        return d < best.d ? { r, d } : best
      }, { r: first, d: Infinity }).r
      const h: ClusterHotspot = {
        type: 'cluster', id: `HC-${key}-${first.id}`, source: first.source, category: first.category, count: members.length,
        firstAt: iso(first.atMs), lastAt: iso(members.at(-1)!.atMs), location: c.centre,
        // The centre's tiers are its nearest report's: the centre itself may sit just across a border.
        path: nearest.path, eventIds: latestIds(members), detectedAt: iso(nowMs), caseId: null, radiusM: c.radiusM,
      }
      strength.set(h, members.length / (even + 1))
      return h
    })
  }

  /** Finds the hotspots in the window's reports now; returns those found for the first time. */
  function refresh(byKey: ReadonlyMap<string, readonly Report[]>, nowMs: number): AutoHotspot[] {
    const found: AutoHotspot[] = []
    for (const [key, reports] of byKey) {
      if (reports.length < settings.minCount) continue
      const dense = clusters(key, reports, nowMs)
      // A community is not reported apart from a cluster that holds most of its reports: the cluster says where.
      const inClusters = dense.map((c) => new Set(c.eventIds))
      const areas = frequency(key, reports, nowMs).filter((f) => !inClusters.some((ids) => f.eventIds.filter((id) => ids.has(id)).length * 3 >= f.eventIds.length * 2))
      found.push(...areas, ...dense)
    }
    const previousClusters = [...active.values()].filter((h): h is ClusterHotspot => h.type === 'cluster')
    const matched = found.map((h) => {
      const before = active.get(h.id) ??
        (h.type === 'cluster' ? previousClusters.find((p) => p.category === h.category && p.source === h.source && p.eventIds.some((id) => h.eventIds.includes(id))) : undefined)
      const kept: AutoHotspot = before ? { ...h, id: before.id, detectedAt: before.detectedAt, caseId: before.caseId } : { ...h, caseId: opts.caseOf(h.id) }
      return { kept, isNew: !before, strength: strength.get(h) ?? 0 }
    })
    // Those already sent stay whatever their strength; the rest are kept strongest first.
    matched.sort((a, b) => Number(b.kept.caseId !== null) - Number(a.kept.caseId !== null) || b.strength - a.strength)
    const next = new Map<string, AutoHotspot>()
    const raised: AutoHotspot[] = []
    for (const { kept, isNew } of matched) {
      if (next.size >= MAX_ACTIVE && kept.caseId === null) break
      next.set(kept.id, kept)
      if (isNew) raised.push(kept)
    }
    active = next
    return raised
  }

  return {
    refresh,
    /** Oldest first, in a street or the whole district. */
    active: (street?: string): AutoHotspot[] =>
      [...active.values()].filter((h) => !street || h.path.street === street).sort((a, b) => (a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : 0)),
    get: (id: string) => active.get(id),
    /** Records the topic case a hotspot was sent as. */
    setCase(id: string, caseId: string) {
      const h = active.get(id)
      if (h) active.set(id, { ...h, caseId })
    },
  }
}
export type AutoHotspotFinder = ReturnType<typeof createAutoHotspotFinder>
