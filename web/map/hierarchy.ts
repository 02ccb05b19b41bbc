/**
 * The five-tier hierarchy (区 › 街道 › 社区 › 网格 › 微网格) as the map's drill-down sees it. Ids
 * extend their parent's id by three digits, so a node's level and ancestors follow from its id
 * alone: nothing here needs the geometry.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { LEVELS, type Level } from '../../domain/geo.ts'

/** The tiers fetched on first use; district and street load with the wall. */
export const LOWER_LEVELS = ['community', 'grid', 'microgrid'] as const
export type LowerLevel = (typeof LOWER_LEVELS)[number]

const DISTRICT_ID_LENGTH = 6
const STEP = 3

/**
 * The level an id belongs to, or null for an id of no known length.
 *
 * @example
 * levelOfId('510108001001') // 'community'
 */
export function levelOfId(id: string): Level | null {
  const depth = (id.length - DISTRICT_ID_LENGTH) / STEP
  return Number.isInteger(depth) && depth >= 0 ? (LEVELS[depth] ?? null) : null
}

/**
 * The level below, or null for the micro-grid (the leaf).
 *
 * @example
 * childLevel('street') // 'community'
 */
export function childLevel(level: Level): Level | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null
}

/**
 * The id itself and every ancestor, district first.
 *
 * @example
 * pathIds('510108001002') // ['510108', '510108001', '510108001002']
 */
export function pathIds(id: string): string[] {
  const level = levelOfId(id)
  if (level === null) return []
  const ids: string[] = []
  for (let len = DISTRICT_ID_LENGTH; len <= id.length; len += STEP) ids.push(id.slice(0, len))
  return ids
}

/**
 * The parent's id, or null for the district (or an id of unknown shape).
 *
 * @example
 * parentIdOf('510108001') // '510108'
 */
export function parentIdOf(id: string): string | null {
  const ids = pathIds(id)
  return ids.length >= 2 ? (ids.at(-2) ?? null) : null
}

export interface Crumb {
  id: string
  level: Level
  name: string
}

/**
 * The breadcrumb for a selected node, district first. A name not loaded yet falls back to the id,
 * so the trail never has a hole.
 *
 * @example
 * breadcrumb('510108001', (id) => names.get(id))
 * // [{ id: '510108', level: 'district', name: '成华区' }, { id: '510108001', level: 'street', name: '猛追湾街道' }]
 */
export function breadcrumb(selectedId: string, nameOf: (id: string) => string | undefined): Crumb[] {
  return pathIds(selectedId).map((id) => ({ id, level: levelOfId(id) as Level, name: nameOf(id) ?? id }))
}

/** What the map focuses on: the children of `parentId`, which are at `level`, get labels and counts. */
export interface Focus {
  parentId: string
  level: Level
}

/**
 * The focus for a selection: its children, or for a micro-grid (which has none) its siblings, so
 * the selected leaf is shown among its neighbours.
 *
 * @example
 * focusOf('510108')                // { parentId: '510108', level: 'street' }
 * focusOf('510108001001001001')    // { parentId: '510108001001001', level: 'microgrid' }
 */
export function focusOf(selectedId: string): Focus | null {
  const level = levelOfId(selectedId)
  if (level === null) return null
  const below = childLevel(level)
  if (below !== null) return { parentId: selectedId, level: below }
  const parentId = parentIdOf(selectedId)
  return parentId === null ? null : { parentId, level }
}

/**
 * How one lower tier is drawn: `hidden`; `focus` (filled by event count, labelled, clickable, only
 * the children of `parentId`); `context` (the siblings along the selected path, outlined, so the
 * map keeps its bearings); or `all` (every feature, outlines only: the 6,283 micro-grids at once).
 */
export type TierPlan =
  | { mode: 'hidden' }
  | { mode: 'focus' | 'context'; parentId: string }
  | { mode: 'all' }

/**
 * How each lower tier is drawn for a selection, and whether every micro-grid is switched on.
 *
 * @example
 * tierPlans('510108001', false).community // { mode: 'focus', parentId: '510108001' }
 * tierPlans('510108001', false).grid      // { mode: 'hidden' }
 */
export function tierPlans(selectedId: string, showAllMicrogrids: boolean): Record<LowerLevel, TierPlan> {
  const focus = focusOf(selectedId)
  const path = pathIds(selectedId)
  const focusIndex = focus ? LEVELS.indexOf(focus.level) : 1
  const plans = {} as Record<LowerLevel, TierPlan>
  for (const tier of LOWER_LEVELS) {
    const index = LEVELS.indexOf(tier)
    let plan: TierPlan = { mode: 'hidden' }
    if (focus && index === focusIndex) plan = { mode: 'focus', parentId: focus.parentId }
    else if (index < focusIndex) {
      const parentId = path[index - 1]
      if (parentId !== undefined) plan = { mode: 'context', parentId }
    }
    // Every micro-grid outline, unless they are the focus (then the focus already draws them).
    if (tier === 'microgrid' && showAllMicrogrids && plan.mode !== 'focus') plan = { mode: 'all' }
    plans[tier] = plan
  }
  return plans
}

/**
 * The tiers a selection needs fetched (the lower ones it draws).
 *
 * @example
 * tiersNeeded('510108001001', false) // ['community', 'grid']
 */
export function tiersNeeded(selectedId: string, showAllMicrogrids: boolean): LowerLevel[] {
  const plans = tierPlans(selectedId, showAllMicrogrids)
  return LOWER_LEVELS.filter((l) => plans[l].mode !== 'hidden')
}

/**
 * The features whose parent is `parentId`, in the collection's order.
 *
 * @example
 * childrenOf(communities, '510108001').map((f) => f.properties.name) // ['桃蹊路社区', …]
 */
export function childrenOf<G extends Geometry, P extends { parentId: string | null }>(
  fc: FeatureCollection<G, P> | null | undefined,
  parentId: string,
): Feature<G, P>[] {
  return (fc?.features ?? []).filter((f) => f.properties.parentId === parentId)
}

export interface NodeCount {
  count: number
  /** count / the largest count among the siblings, 0–1, for colour and bar length. */
  share: number
}

/**
 * Today's count for each of `ids` from the roll-up (`counts.byNode`), and its share of the busiest.
 * Every id appears, zero included, so a quiet node cools back down.
 *
 * @example
 * nodeCounts({ '510108001001': 2 }, ['510108001001', '510108001002'])
 * // Map { '510108001001' => { count: 2, share: 1 }, '510108001002' => { count: 0, share: 0 } }
 */
export function nodeCounts(byNode: Readonly<Record<string, number>>, ids: readonly string[]): Map<string, NodeCount> {
  const max = Math.max(0, ...ids.map((id) => byNode[id] ?? 0))
  return new Map(ids.map((id) => {
    const count = byNode[id] ?? 0
    return [id, { count, share: max === 0 ? 0 : count / max }]
  }))
}
