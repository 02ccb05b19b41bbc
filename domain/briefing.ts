/**
 * The situation briefing for leaders (态势简报, DESIGN §1 and §4): `GET /api/v1/briefings/daily?date=`
 * and `GET /api/v1/briefings/weekly?date=`, within the caller's scope (the district, or a street user's
 * street). A day is a Beijing calendar day; a week runs Monday to Sunday and is named by its Monday.
 * Every figure is set beside the same figure for the period before (the day before, the week before).
 *
 *   - headline: events by source and severity, cases opened and how they were handled (the KPIs of the
 *     cases opened in the period), and the risk early warnings raised;
 *   - trend: events an hour (daily) or a day (weekly), this period against the one before;
 *   - streets: events and the KPI ranking of the streets (接诉即办考核);
 *   - hotspots: the communities where one category of people's reports (12345 calls and grid workers'
 *     reports) was most frequent, with where to put them on a map;
 *   - notable: the gravest incidents, each with the case it is in (one line a case, at most two of a kind);
 *   - topics: candidate "topic of the month" (每月一题) issues: the categories of people's reports most
 *     frequent over the 30 days up to the period's end, and rising against the 30 days before.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LngLat, Severity, Source } from './event.ts'
import { KpiMeasures, KpiRow } from './kpi.ts'
import { RiskWarning } from './risk.ts'
import { CaseStatus } from './cases.ts'

const When = Type.String({ description: 'ISO-8601' })

export const BRIEFING_KINDS = ['daily', 'weekly'] as const
export const BriefingKind = Type.Union(BRIEFING_KINDS.map((k) => Type.Literal(k)))
export type BriefingKind = (typeof BRIEFING_KINDS)[number]

/** A Beijing calendar date, `YYYY-MM-DD`. */
export const BriefingDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a Beijing calendar date, YYYY-MM-DD' })

/** A figure this period and the period before. */
export const Compared = Type.Object({ now: Type.Number(), previous: Type.Number() })
export type Compared = Static<typeof Compared>

/** A rate (0–1) this period and before; null where there was nothing to rate. */
const ComparedRate = Type.Object({ now: Type.Union([Type.Number(), Type.Null()]), previous: Type.Union([Type.Number(), Type.Null()]) })

export const BriefingHotspot = Type.Object({
  communityId: Type.String(),
  communityName: Type.String(),
  streetId: Type.String(),
  streetName: Type.String(),
  source: Source,
  category: Type.String(),
  count: Type.Integer(),
  /** In the period before; while this one runs, scaled to the same stretch (the counts are by whole days). */
  previous: Type.Integer(),
  /** The community's label point. */
  location: LngLat,
})
export type BriefingHotspot = Static<typeof BriefingHotspot>

export const BriefingIncident = Type.Object({
  eventId: Type.String(),
  source: Source,
  category: Type.String(),
  severity: Severity,
  title: Type.String(),
  occurredAt: When,
  streetName: Type.Union([Type.String(), Type.Null()]),
  communityName: Type.Union([Type.String(), Type.Null()]),
  location: LngLat,
  /** The case the event is in, and where that case stands now. */
  caseId: Type.Union([Type.String(), Type.Null()]),
  caseStatus: Type.Union([CaseStatus, Type.Null()]),
  /** Events in that case (1 without a case). */
  eventCount: Type.Integer(),
})
export type BriefingIncident = Static<typeof BriefingIncident>

export const BriefingTopic = Type.Object({
  source: Source,
  category: Type.String(),
  /** Reports in the 30 days up to the period's end, and in the 30 days before. */
  count: Type.Integer(),
  previous: Type.Integer(),
  /** Communities with reports of it. */
  communities: Type.Integer(),
  /** Where it concentrates: the communities with most, most first (at most 3). */
  top: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), streetName: Type.String(), count: Type.Integer() })),
})
export type BriefingTopic = Static<typeof BriefingTopic>

export const Briefing = Type.Object({
  kind: BriefingKind,
  /** The day, or the week's Monday. */
  date: BriefingDate,
  since: When,
  until: When,
  /**
   * The period before. While this one runs, `until` is as far into it as this one has gone (同期): the
   * figures are compared with that stretch (events counted by the hour, the hour it cuts in proportion),
   * while the trend shows the whole period before.
   */
  previous: Type.Object({ date: BriefingDate, since: When, until: When }),
  generatedAt: When,
  /** False while the period is still running: its figures are so far. */
  complete: Type.Boolean(),
  scope: Type.Object({ level: Type.Union([Type.Literal('district'), Type.Literal('street')]), id: Type.String(), name: Type.String() }),
  headline: Type.Object({
    events: Compared,
    bySource: Type.Array(Type.Composite([Type.Object({ source: Source }), Compared])),
    bySeverity: Type.Array(Type.Composite([Type.Object({ severity: Severity }), Compared])),
    /**
     * The KPIs of the cases opened in the period. They are kept by whole days: while the period runs, the
     * previous period's counts (opened, resolved, escalations) are scaled to the same stretch, and its
     * rates are the whole period's.
     */
    cases: Type.Object({
      opened: Compared,
      resolved: Compared,
      escalations: Compared,
      responseRate: ComparedRate,
      resolutionRate: ComparedRate,
      satisfactionRate: ComparedRate,
    }),
    riskWarnings: Compared,
  }),
  trend: Type.Object({
    unit: Type.Union([Type.Literal('hour'), Type.Literal('day')]),
    /** One a bucket of the period, in order; `previous` is the same bucket of the period before. */
    buckets: Type.Array(Type.Composite([Type.Object({ start: When, label: Type.String() }), Compared])),
  }),
  streets: Type.Array(Type.Composite([Type.Object({ id: Type.String(), name: Type.String(), events: Compared })])),
  kpi: Type.Object({
    /**
     * False when the period starts before the oldest day the KPI projection keeps (the start of the
     * current week or month, whichever is earlier): the figures then count only the days it keeps.
     */
    complete: Type.Boolean(),
    total: KpiMeasures,
    /** Ranked, best first. */
    streets: Type.Array(KpiRow),
  }),
  hotspots: Type.Array(BriefingHotspot),
  notable: Type.Array(BriefingIncident),
  topics: Type.Object({ since: When, until: When, items: Type.Array(BriefingTopic) }),
  /** Risk early warnings raised in the period, newest first (at most 10). */
  warnings: Type.Array(RiskWarning),
})
export type Briefing = Static<typeof Briefing>
