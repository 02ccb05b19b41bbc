/**
 * What each section of the briefing lists, worked out from the server's briefing: the headline
 * figures with their changes, the streets' KPI ranking joined with their events, and the rows of
 * hotspots, notable incidents, topics of the month and early warnings. Names, titles and places
 * are passed through as plain strings; the components render them as text, never as HTML.
 */
import type { Briefing, BriefingHotspot, BriefingIncident, BriefingKind, BriefingTopic, Compared } from '../../domain/briefing.ts'
import { CASE_STATUS_LABELS } from '../../domain/cases.ts'
import type { Severity, Source } from '../../domain/event.ts'
import { RISK_LEVEL_LABELS, type RiskLevel, type RiskWarning } from '../../domain/risk.ts'
import { categoryLabel } from '../feed/feed-rows.ts'
import { formatClock, formatDate } from '../format/format-time.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'
import { kpiRankRows, type KpiRankRow } from '../panel/kpi-rows.ts'
import { countChange, formatCount, formatRate, rateChange, type ChangeView, type ComparedRate, type Polarity } from './briefing-change.ts'

/** The headline cards, in the order a leader reads them: what happened, how it was handled. */
export const HEADLINE_FIGURES = [
  'events', 'opened', 'resolved', 'riskWarnings', 'responseRate', 'resolutionRate', 'satisfactionRate', 'escalations',
] as const
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number]

export interface HeadlineCard {
  key: HeadlineFigure
  /** The figure as shown: a count with separators, or a rate with one decimal. */
  value: string
  /** The period before's figure, as shown. */
  previous: string
  change: ChangeView
}

const COUNT_POLARITY: Record<'events' | 'opened' | 'resolved' | 'riskWarnings' | 'escalations', Polarity> = {
  events: 'up-worse',
  // More cases opened is more work, not worse handling: no colour.
  opened: 'neutral',
  resolved: 'up-better',
  riskWarnings: 'up-worse',
  escalations: 'up-worse',
}

function countCard(key: keyof typeof COUNT_POLARITY, c: Compared): HeadlineCard {
  return { key, value: formatCount(c.now), previous: formatCount(c.previous), change: countChange(c, COUNT_POLARITY[key]) }
}

function rateCard(key: 'responseRate' | 'resolutionRate' | 'satisfactionRate', c: ComparedRate): HeadlineCard {
  return { key, value: formatRate(c.now), previous: formatRate(c.previous), change: rateChange(c) }
}

/**
 * @example
 * headlineCards(briefing.headline)[0] // { key: 'events', value: '615', previous: '627', change: { direction: 'down', … } }
 */
export function headlineCards(h: Briefing['headline']): HeadlineCard[] {
  const cards: Record<HeadlineFigure, HeadlineCard> = {
    events: countCard('events', h.events),
    opened: countCard('opened', h.cases.opened),
    resolved: countCard('resolved', h.cases.resolved),
    riskWarnings: countCard('riskWarnings', h.riskWarnings),
    escalations: countCard('escalations', h.cases.escalations),
    responseRate: rateCard('responseRate', h.cases.responseRate),
    resolutionRate: rateCard('resolutionRate', h.cases.resolutionRate),
    satisfactionRate: rateCard('satisfactionRate', h.cases.satisfactionRate),
  }
  return HEADLINE_FIGURES.map((k) => cards[k])
}

export interface BreakdownRow<K extends string> {
  key: K
  now: number
  previous: number
  change: ChangeView
}

/**
 * Events by source or severity, in the order given, leaving out what was nothing in both periods
 * (a district with no CAP warning either day needs no CAP row).
 *
 * @example
 * breakdownRows(h.bySeverity, (r) => r.severity, SEVERITIES_DESC)
 */
export function breakdownRows<R extends Compared, K extends string>(
  rows: readonly R[],
  keyOf: (row: R) => K,
  order: readonly K[],
): BreakdownRow<K>[] {
  const byKey = new Map(rows.map((r) => [keyOf(r), r]))
  return order.flatMap((key) => {
    const r = byKey.get(key)
    if (!r || (r.now === 0 && r.previous === 0)) return []
    return [{ key, now: r.now, previous: r.previous, change: countChange(r) }]
  })
}

export interface StreetRow extends KpiRankRow {
  /** The street's events this period and before; null when the briefing has none for it. */
  events: Compared | null
  eventsChange: ChangeView | null
}

/**
 * The KPI ranking (best first, unscored streets last; panel/kpi-rows.ts) with each street's events
 * beside it. A street with events but no KPI row (no case at all) is still listed, after them.
 */
export function streetRows(b: Pick<Briefing, 'kpi' | 'streets'>): StreetRow[] {
  const events = new Map(b.streets.map((s) => [s.id, s]))
  const ranked: StreetRow[] = kpiRankRows(b.kpi).map((r) => {
    const e = events.get(r.id)?.events ?? null
    return { ...r, events: e, eventsChange: e && countChange(e) }
  })
  const listed = new Set(ranked.map((r) => r.id))
  const rest = b.streets
    .filter((s) => !listed.has(s.id))
    .map((s): StreetRow => ({
      id: s.id, name: s.name, rank: 0, cases: 0, response: '—', resolution: '—', satisfaction: '—', score: '—', share: 0,
      scored: false, low: { response: false, resolution: false, satisfaction: false }, events: s.events, eventsChange: countChange(s.events),
    }))
  return [...ranked, ...rest]
}

export interface HotspotRow {
  /** 1-based: the number on its map marker. */
  no: number
  communityName: string
  streetName: string
  source: Source
  category: string
  count: number
  previous: number
  change: ChangeView
  location: BriefingHotspot['location']
}

export function hotspotRows(hotspots: readonly BriefingHotspot[], locale: AppLocale): HotspotRow[] {
  return hotspots.map((h, i) => ({
    no: i + 1,
    communityName: h.communityName,
    streetName: h.streetName,
    source: h.source,
    category: categoryLabel(h.source, h.category, locale),
    count: h.count,
    previous: h.previous,
    change: countChange({ now: h.count, previous: h.previous }),
    location: h.location,
  }))
}

/**
 * When an incident happened, as short as the period allows: a day's incidents by the clock, a
 * week's with their date.
 *
 * @example
 * incidentTime('2026-12-07T03:12:00Z', 'daily')  // '11:12'
 * incidentTime('2026-12-07T03:12:00Z', 'weekly') // '12-07 11:12'
 */
export function incidentTime(at: string, kind: BriefingKind): string {
  const clock = formatClock(at).slice(0, 5)
  return kind === 'daily' ? clock : `${formatDate(at).slice(5)} ${clock}`
}

export interface IncidentRow {
  id: string
  severity: Severity
  source: Source
  category: string
  /** The event's title, or its category when it has none. */
  title: string
  time: string
  /** Street · community, or null when the event lies outside every street. */
  place: string | null
  caseId: string | null
  caseStatus: string | null
  eventCount: number
}

export function incidentRows(notable: readonly BriefingIncident[], kind: BriefingKind, locale: AppLocale): IncidentRow[] {
  return notable.map((n) => {
    const category = categoryLabel(n.source, n.category, locale)
    const place = [n.streetName, n.communityName].filter((p): p is string => !!p).join(' · ')
    return {
      id: n.eventId,
      severity: n.severity,
      source: n.source,
      category,
      title: n.title.trim() || category,
      time: incidentTime(n.occurredAt, kind),
      place: place || null,
      caseId: n.caseId,
      caseStatus: n.caseStatus === null ? null : CASE_STATUS_LABELS[n.caseStatus][locale === 'en' ? 'en' : 'zh'],
      eventCount: n.eventCount,
    }
  })
}

export interface TopicRow {
  source: Source
  category: string
  count: number
  previous: number
  change: ChangeView
  communities: number
  /** Where it concentrates, most first: `{street} · {community}` with its count. */
  top: { place: string; count: number }[]
}

export function topicRows(items: readonly BriefingTopic[], locale: AppLocale): TopicRow[] {
  return items.map((t) => ({
    source: t.source,
    category: categoryLabel(t.source, t.category, locale),
    count: t.count,
    previous: t.previous,
    change: countChange({ now: t.count, previous: t.previous }),
    communities: t.communities,
    top: t.top.map((c) => ({ place: `${c.streetName} · ${c.name}`, count: c.count })),
  }))
}

export interface WarningRow {
  id: string
  /** The grid as the risk service names it, its street put in front when the name leaves it out. */
  place: string
  from: RiskLevel
  to: RiskLevel
  fromLabel: string
  toLabel: string
  score: string
  time: string
}

/**
 * @example
 * warningRows([{ name: '第4网格', streetId: '510108001', … }], 'daily', 'zh-CN', names)[0].place // '猛追湾街道 · 第4网格'
 */
export function warningRows(
  warnings: readonly RiskWarning[],
  kind: BriefingKind,
  locale: AppLocale,
  streetName: (id: string) => string | undefined,
): WarningRow[] {
  const lang = locale === 'en' ? 'en' : 'zh'
  return warnings.map((w) => {
    const street = streetName(w.streetId) ?? w.streetId
    return {
      id: w.id,
      // The risk service names a grid by its whole path (`跳蹬河街道 · 杨兴社区 · 第4网格`): no street twice.
      place: w.name.includes(street) ? w.name : `${street} · ${w.name}`,
      from: w.from,
      to: w.to,
      fromLabel: RISK_LEVEL_LABELS[w.from][lang],
      toLabel: RISK_LEVEL_LABELS[w.to][lang],
      score: w.score.toFixed(1),
      time: incidentTime(w.at, kind),
    }
  })
}
