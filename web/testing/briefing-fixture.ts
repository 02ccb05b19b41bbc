/**
 * Builders for unit tests: briefings shaped as `GET /api/v1/briefings/{daily,weekly}` answers
 * (domain/briefing.ts), a district's day still running and a finished week, with realistic numbers.
 * briefing-fixture.test.ts checks both against the contract's schema, so the web side is built
 * against the shape the server must send.
 */
import type { Briefing, BriefingHotspot, BriefingIncident, BriefingTopic } from '../../domain/briefing.ts'
import type { KpiMeasures, KpiRow } from '../../domain/kpi.ts'
import type { RiskWarning } from '../../domain/risk.ts'

const STREETS = [
  ['510108001', '猛追湾街道'],
  ['510108002', '双桥子街道'],
  ['510108003', '府青路街道'],
  ['510108004', '二仙桥街道'],
  ['510108005', '跳蹬河街道'],
] as const

function measures(cases: number, response: number | null, resolution: number | null, satisfaction: number | null): KpiMeasures {
  const settled = Math.round(cases * 0.9)
  const resolved = resolution === null ? 0 : Math.round(cases * resolution)
  const visits = Math.round(resolved * 0.6)
  return {
    cases,
    respondedOnTime: response === null ? 0 : Math.round(settled * response),
    responseSettled: settled,
    responseRate: response,
    resolved,
    resolutionRate: resolution,
    returnVisits: visits,
    satisfied: satisfaction === null ? 0 : Math.round(visits * satisfaction),
    satisfactionRate: satisfaction,
    avgHandlingMin: resolved > 0 ? 96 : null,
    escalations: Math.round(cases / 12),
    lateReports: 0,
  }
}

function kpiRow(index: number, rank: number, cases: number, rates: [number | null, number | null, number | null]): KpiRow {
  const [id, name] = STREETS[index]!
  const m = measures(cases, ...rates)
  const scored = rates.filter((r): r is number => r !== null)
  return { id, name, level: 'street', parentId: '510108', rank, score: scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null, ...m }
}

export function makeHotspot(over: Partial<BriefingHotspot> = {}): BriefingHotspot {
  return {
    communityId: '510108001003',
    communityName: '桃蹊路社区',
    streetId: '510108001',
    streetName: '猛追湾街道',
    source: 'hotline',
    category: 'noise',
    count: 14,
    previous: 5,
    location: { lng: 104.085, lat: 30.662 },
    ...over,
  }
}

export function makeIncident(over: Partial<BriefingIncident> = {}): BriefingIncident {
  return {
    eventId: '019393a0-0000-7000-8000-000000000001',
    source: 'sensor',
    category: 'gas',
    severity: 'extreme',
    title: '建设路 12 号燃气泄漏报警',
    occurredAt: '2026-12-07T03:12:00.000Z',
    streetName: '建设路街道',
    communityName: '建设路社区',
    location: { lng: 104.11, lat: 30.68 },
    caseId: 'C20261207-0012',
    caseStatus: 'on_scene',
    eventCount: 6,
    ...over,
  }
}

export function makeTopic(over: Partial<BriefingTopic> = {}): BriefingTopic {
  return {
    source: 'hotline',
    category: 'noise',
    count: 312,
    previous: 208,
    communities: 41,
    top: [
      { id: '510108001003', name: '桃蹊路社区', streetName: '猛追湾街道', count: 38 },
      { id: '510108003002', name: '府青路社区', streetName: '府青路街道', count: 27 },
      { id: '510108002005', name: '双桥路社区', streetName: '双桥子街道', count: 19 },
    ],
    ...over,
  }
}

export function makeWarning(over: Partial<RiskWarning> = {}): RiskWarning {
  return {
    id: 'w-1',
    gridId: '510108001003004',
    name: '第4网格',
    streetId: '510108001',
    from: 'yellow',
    to: 'orange',
    score: 63.4,
    at: '2026-12-07T05:40:00.000Z',
    ...over,
  }
}

/** Events an hour: a city's day, quiet at night, busiest late morning and early evening. */
const HOURLY = [9, 6, 4, 3, 3, 5, 11, 24, 38, 46, 52, 49, 41, 44, 47, 51, 55, 58, 50, 39, 30, 22, 16, 11]

/**
 * 2026-12-07 (a Monday) in the district, generated at 14:32 Beijing time: the day is still
 * running, so its buckets after 14:00 are zero and `complete` is false.
 */
export function makeDailyBriefing(over: Partial<Briefing> = {}): Briefing {
  const now = HOURLY.map((n, h) => (h <= 14 ? Math.round(n * 1.12) : 0))
  const total = now.reduce((a, b) => a + b, 0)
  const previousTotal = HOURLY.reduce((a, b) => a + b, 0)
  return {
    kind: 'daily',
    date: '2026-12-07',
    since: '2026-12-06T16:00:00.000Z',
    until: '2026-12-07T16:00:00.000Z',
    previous: { date: '2026-12-06', since: '2026-12-05T16:00:00.000Z', until: '2026-12-06T16:00:00.000Z' },
    generatedAt: '2026-12-07T06:32:00.000Z',
    complete: false,
    scope: { level: 'district', id: '510108', name: '成华区' },
    headline: {
      events: { now: total, previous: previousTotal },
      bySource: [
        { source: 'incident', now: 118, previous: 160 },
        { source: 'sensor', now: 96, previous: 121 },
        { source: 'detection', now: 64, previous: 80 },
        { source: 'hotline', now: total - 118 - 96 - 64 - 1, previous: previousTotal - 361 },
        { source: 'cap', now: 1, previous: 0 },
      ],
      bySeverity: [
        { severity: 'extreme', now: 2, previous: 1 },
        { severity: 'severe', now: 31, previous: 40 },
        { severity: 'moderate', now: 120, previous: 162 },
        { severity: 'minor', now: total - 153, previous: previousTotal - 203 },
      ],
      cases: {
        opened: { now: 214, previous: 296 },
        resolved: { now: 151, previous: 270 },
        escalations: { now: 9, previous: 14 },
        responseRate: { now: 0.934, previous: 0.912 },
        resolutionRate: { now: 0.706, previous: 0.912 },
        satisfactionRate: { now: 0.95, previous: null },
      },
      riskWarnings: { now: 3, previous: 5 },
    },
    trend: {
      unit: 'hour',
      buckets: HOURLY.map((n, h) => ({
        start: new Date(Date.parse('2026-12-06T16:00:00.000Z') + h * 3_600_000).toISOString(),
        label: `${String(h).padStart(2, '0')}:00`,
        now: now[h]!,
        previous: n,
      })),
    },
    streets: STREETS.map(([id, name], i) => ({ id, name, events: { now: 90 - i * 11, previous: 100 - i * 9 } })),
    kpi: {
      complete: true,
      total: measures(214, 0.934, 0.706, 0.95),
      streets: [
        kpiRow(1, 1, 41, [0.98, 0.81, 1]),
        kpiRow(0, 2, 55, [0.95, 0.76, 0.94]),
        kpiRow(3, 3, 38, [0.9, 0.7, 0.92]),
        kpiRow(2, 4, 47, [0.86, 0.62, 0.9]),
        kpiRow(4, 5, 0, [null, null, null]),
      ],
    },
    hotspots: [
      makeHotspot(),
      makeHotspot({ communityId: '510108003002', communityName: '府青路社区', streetId: '510108003', streetName: '府青路街道', source: 'incident', category: 'environment', count: 9, previous: 9, location: { lng: 104.095, lat: 30.69 } }),
      makeHotspot({ communityId: '510108002005', communityName: '双桥路社区', streetId: '510108002', streetName: '双桥子街道', category: 'garbage_collection', count: 7, previous: 0, location: { lng: 104.12, lat: 30.655 } }),
    ],
    notable: [
      makeIncident(),
      makeIncident({
        eventId: '019393a0-0000-7000-8000-000000000002', source: 'incident', category: 'fire_hazard', severity: 'severe',
        title: '<b>楼道</b>堆放杂物堵塞消防通道', occurredAt: '2026-12-07T01:05:00.000Z', streetName: '猛追湾街道', communityName: '桃蹊路社区',
        caseId: 'C20261207-0003', caseStatus: 'resolved', eventCount: 1,
      }),
      makeIncident({
        eventId: '019393a0-0000-7000-8000-000000000003', source: 'detection', category: 'dog_unleashed', severity: 'moderate',
        title: '', occurredAt: '2026-12-07T02:40:00.000Z', streetName: null, communityName: null, caseId: null, caseStatus: null, eventCount: 1,
      }),
    ],
    topics: {
      since: '2026-11-07T16:00:00.000Z',
      until: '2026-12-07T16:00:00.000Z',
      items: [
        makeTopic(),
        makeTopic({ category: 'illegal_parking', count: 204, previous: 230, communities: 35, top: [{ id: '510108004001', name: '二仙桥社区', streetName: '二仙桥街道', count: 22 }] }),
      ],
    },
    warnings: [makeWarning(), makeWarning({ id: 'w-2', gridId: '510108003002001', name: '第1网格', streetId: '510108003', from: 'blue', to: 'yellow', score: 44.1, at: '2026-12-07T02:10:00.000Z' })],
    ...over,
  }
}

const WEEK_LABELS = ['11-30', '12-01', '12-02', '12-03', '12-04', '12-05', '12-06']

/** The week of Monday 2026-11-30, finished: seven day buckets, every figure final. */
export function makeWeeklyBriefing(over: Partial<Briefing> = {}): Briefing {
  const days = [612, 598, 640, 701, 655, 480, 455]
  const before = [580, 620, 610, 630, 600, 510, 470]
  const daily = makeDailyBriefing()
  return {
    ...daily,
    kind: 'weekly',
    date: '2026-11-30',
    since: '2026-11-29T16:00:00.000Z',
    until: '2026-12-06T16:00:00.000Z',
    previous: { date: '2026-11-23', since: '2026-11-22T16:00:00.000Z', until: '2026-11-29T16:00:00.000Z' },
    generatedAt: '2026-12-07T06:32:00.000Z',
    complete: true,
    headline: { ...daily.headline, events: { now: days.reduce((a, b) => a + b, 0), previous: before.reduce((a, b) => a + b, 0) } },
    trend: {
      unit: 'day',
      buckets: days.map((n, d) => ({
        start: new Date(Date.parse('2026-11-29T16:00:00.000Z') + d * 86_400_000).toISOString(),
        label: WEEK_LABELS[d]!,
        now: n,
        previous: before[d]!,
      })),
    },
    ...over,
  }
}
