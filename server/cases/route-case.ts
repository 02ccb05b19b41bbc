/**
 * Routing: which tier a case starts at, which department it needs, and its SLA deadlines.
 * "Small matters stay in the grid, big ones in the community, hard ones go to the street": a case
 * starts at the lowest tier able to handle it, by severity, category and how many events it gathered.
 * Every table here is data with a default, so a district can tune it without code.
 */
import { CASE_TIERS, type CaseDeadlines, type CaseTier, type Department } from '../../domain/cases.ts'
import { SEVERITIES, type Severity } from '../../domain/event.ts'
import { findHotlineService } from '../../domain/hotline-services.ts'
import { categoryKey, type CategoryKey } from './correlate.ts'

export interface TierRules {
  /** The starting tier by severity. */
  bySeverity: Record<Severity, CaseTier>
  /** At least this tier for these categories, whatever the severity. */
  minByCategory: Partial<Record<CategoryKey, CaseTier>>
  /** A case that gathered this many events is a street matter (many callers, many eyes). */
  multiEventStreet: number
}

export const DEFAULT_TIER_RULES: TierRules = {
  bySeverity: { minor: 'microgrid', moderate: 'microgrid', severe: 'community', extreme: 'street' },
  minByCategory: {
    // Fire and gas risks need more than a grid worker from the first minute.
    'sensor:smoke': 'community', 'sensor:heat': 'community', 'sensor:gas': 'community', 'sensor:electrical': 'community',
    'incident:fire_hazard': 'community',
  },
  multiEventStreet: 5,
}

export const tierRank = (t: CaseTier): number => CASE_TIERS.indexOf(t)
const higher = (a: CaseTier, b: CaseTier): CaseTier => (tierRank(a) >= tierRank(b) ? a : b)

/** The next tier up, or undefined at the street (the top of the ladder). */
export const tierAbove = (t: CaseTier): CaseTier | undefined => CASE_TIERS[tierRank(t) + 1]

export interface RouteInput {
  source: string
  category: string
  severity: Severity
  eventCount: number
}

/**
 * @example
 * routeTier({ source: 'hotline', category: 'noise', severity: 'minor', eventCount: 1 }) // 'microgrid'
 * routeTier({ source: 'sensor', category: 'smoke', severity: 'severe', eventCount: 6 }) // 'street'
 */
export function routeTier(c: RouteInput, rules: TierRules = DEFAULT_TIER_RULES): CaseTier {
  let tier = rules.bySeverity[c.severity]
  const min = rules.minByCategory[categoryKey(c.source, c.category)]
  if (min) tier = higher(tier, min)
  if (c.eventCount >= rules.multiEventStreet) tier = 'street'
  return tier
}

/**
 * The department by category; absent means the tier's own workers handle it (no department).
 * Dog keeping is policed in China (养犬管理 sits with 公安); lifts are special equipment (特种设备),
 * which market supervision inspects.
 */
export const DEFAULT_DEPARTMENTS: Partial<Record<CategoryKey, Department>> = {
  'sensor:smoke': 'fire', 'sensor:heat': 'fire', 'sensor:electrical': 'fire', 'sensor:gas': 'gas',
  'incident:fire_hazard': 'fire', 'incident:public_order': 'police', 'incident:environment': 'urban_management',
  'incident:facility_damage': 'urban_management', 'incident:dispute': 'civil_affairs',
  'detection:dog_unleashed': 'police', 'detection:stray_dog': 'urban_management',
  'hotline:city_appearance': 'urban_management', 'hotline:illegal_construction': 'urban_management',
  'hotline:street_vending': 'urban_management', 'hotline:garbage_collection': 'urban_management',
  'hotline:property_management': 'housing', 'hotline:elevator_fault': 'market_supervision',
  'hotline:housing_safety': 'housing', 'hotline:rental_housing': 'housing',
  'hotline:road_damage': 'urban_management', 'hotline:manhole_cover': 'urban_management',
  'hotline:streetlight': 'urban_management', 'hotline:fallen_tree': 'urban_management',
  'hotline:waterlogging': 'water', 'hotline:water_supply': 'water', 'hotline:drainage': 'water',
  'hotline:power_supply': 'power', 'hotline:gas_supply': 'gas', 'hotline:heating': 'housing',
  'hotline:noise': 'environment', 'hotline:cooking_fumes': 'environment', 'hotline:dust_pollution': 'environment',
  'hotline:water_pollution': 'environment', 'hotline:illegal_parking': 'police', 'hotline:traffic_signal': 'police',
  'hotline:shared_bikes': 'urban_management',
  'hotline:market_supervision': 'market_supervision', 'hotline:food_safety': 'market_supervision',
  'hotline:consumer_rights': 'market_supervision',
  'hotline:dog_keeping': 'police', 'hotline:stray_animals': 'urban_management',
}

export function routeDepartment(source: string, category: string, table = DEFAULT_DEPARTMENTS): Department | null {
  return table[categoryKey(source, category)] ?? null
}

/** Minutes to accept (接单), to arrive (到场) and to resolve (办结). */
export interface Sla {
  acceptMin: number
  arriveMin: number
  resolveMin: number
}

export interface SlaTable {
  bySeverity: Record<Severity, Sla>
  /** Overrides per category: one SLA, or one per severity (missing severities fall back). */
  byCategory: Partial<Record<CategoryKey, Sla | Partial<Record<Severity, Sla>>>>
  /** Hotline services carry their own respond/resolve hours (hotline-services.ts): use them. */
  hotlineServiceSla: boolean
}

export const DEFAULT_SLA: SlaTable = {
  bySeverity: {
    extreme: { acceptMin: 5, arriveMin: 15, resolveMin: 4 * 60 },
    severe: { acceptMin: 10, arriveMin: 30, resolveMin: 8 * 60 },
    moderate: { acceptMin: 30, arriveMin: 2 * 60, resolveMin: 24 * 60 },
    minor: { acceptMin: 60, arriveMin: 8 * 60, resolveMin: 72 * 60 },
  },
  byCategory: {
    // A fire alarm is checked on the spot at once, whatever its level.
    'sensor:smoke': { acceptMin: 3, arriveMin: 15, resolveMin: 2 * 60 },
    'sensor:heat': { acceptMin: 3, arriveMin: 15, resolveMin: 2 * 60 },
    'sensor:gas': { acceptMin: 3, arriveMin: 15, resolveMin: 2 * 60 },
    'sensor:electrical': { acceptMin: 5, arriveMin: 20, resolveMin: 4 * 60 },
  },
  hotlineServiceSla: true,
}

const isSla = (v: Sla | Partial<Record<Severity, Sla>>): v is Sla => 'acceptMin' in v

/**
 * The SLA for a category and severity: a category override, else the hotline service's own hours
 * (respond → arrive, resolve → resolve; accepting never later than arriving), else by severity.
 */
export function slaFor(source: string, category: string, severity: Severity, table: SlaTable = DEFAULT_SLA): Sla {
  const base = table.bySeverity[severity]
  const override = table.byCategory[categoryKey(source, category)]
  if (override) {
    if (isSla(override)) return override
    const bySev = override[severity]
    if (bySev) return bySev
  }
  if (source === 'hotline' && table.hotlineServiceSla) {
    const service = findHotlineService(category)
    if (service) {
      const arriveMin = service.sla.respondHours * 60
      return { acceptMin: Math.min(base.acceptMin, arriveMin), arriveMin, resolveMin: service.sla.resolveHours * 60 }
    }
  }
  return base
}

export function deadlinesFrom(openedAt: string, sla: Sla): CaseDeadlines {
  const t = Date.parse(openedAt)
  const at = (min: number) => new Date(t + min * 60_000).toISOString()
  return { acceptBy: at(sla.acceptMin), arriveBy: at(sla.arriveMin), resolveBy: at(sla.resolveMin) }
}

/** The more severe of two severities. */
export const maxSeverity = (a: Severity, b: Severity): Severity => (SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b)
