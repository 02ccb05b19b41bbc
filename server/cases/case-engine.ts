/**
 * The case engine: stored events in, cases out. For each event the open rules decide whether it needs
 * handling; if so it joins the open case it correlates with, or opens a new one, routed to a tier and
 * a department with SLA deadlines. Dispatcher actions go through the state machine. Every change is
 * written to the repository in the caller's transaction, and open cases are kept in memory (the
 * correlation index and their documents), rebuilt from the database at boot.
 *
 * Units are linked in by the units plugin (`linkUnits`) rather than the engine subscribing to them:
 * a dispatch must see the unit's status and move it in the same transaction as the case, or two
 * posts could send one unit to two cases. The engine depends only on the small `CaseUnits` port.
 */
import { SYSTEM_ACTOR, isOpenStatus, latestEventIds, type Case, type CaseAction, type CaseAuditEntry } from '../../domain/cases.ts'
import type { StoredEvent } from '../../domain/event.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import { applyAction, type MachineResult, type UnitDirectory } from './case-machine.ts'
import { departmentName, flagOverdue, overdueSummons } from './summons.ts'
import { TOPIC_KEY, type CaseQuery, type CaseRecord, type CaseRepository } from './case-repository.ts'
import { OpenCaseIndex, eventPlace, type CategoryKey, type Compatibility } from './correlate.ts'
import { DEFAULT_OPEN_RULES, shouldOpen, type OpenRule } from './open-rules.ts'
import { overdue } from './sla-escalation.ts'
import {
  DEFAULT_DEPARTMENTS, DEFAULT_SLA, DEFAULT_TIER_RULES, deadlinesFrom, maxSeverity, routeDepartment, routeTier, slaFor, tierRank,
  type SlaTable, type TierRules,
} from './route-case.ts'

export interface CaseEngineOptions {
  windowMs: number
  radiusM: number
  openRules?: readonly OpenRule[]
  compatible?: Compatibility
  tierRules?: TierRules
  sla?: SlaTable
  departments?: typeof DEFAULT_DEPARTMENTS
  /** The clock, for tests. */
  now?: () => Date
}

/** What the engine needs of the units (server/units/unit-engine.ts). */
export interface CaseUnits extends UnitDirectory {
  /**
   * Inside the action's transaction: moves the units the action concerns (dispatched, en route, on
   * scene, cleared) and writes them. Returns what to do once the transaction has committed (tell
   * listeners, follow up); nothing in memory changes before that.
   */
  caseActed(prev: Case, next: Case, action: CaseAction, actor: string, at: string): () => void
}

/** What a topic case is opened from (a hotspot), see `openTopic`. */
export interface TopicInput {
  /** The hotspot's id: the case's correlation key, so that nothing correlates with it. */
  hotspotId: string
  source: StoredEvent['source']
  category: string
  severity: StoredEvent['severity']
  path: StoredEvent['path']
  location: StoredEvent['location']
  title: string
  note: string
  /** The hotspot's latest reports (they stay in their own cases too): what the topic case shows as its events. */
  eventIds: string[]
  /** How many reports the hotspot counted. */
  eventCount: number
}


/** What one `consider` or `act` changed, for whoever streams cases (realtime, KPIs). */
export interface CaseChange {
  case: Case
  kind: 'opened' | 'attached' | 'action'
}

export interface CaseEngine {
  /**
   * Opens or attaches for each event, in one transaction. Events already attached are skipped, unless
   * the caller says they are `fresh` (just committed, so none can be: the live feed) and spares the lookup.
   */
  consider(events: readonly StoredEvent[], opts?: { fresh?: boolean }): CaseChange[]
  /** A dispatcher's (or the system's) action through the state machine; saved and audited when allowed. */
  act(id: string, action: CaseAction, actor: string): MachineResult
  get(id: string): Case | undefined
  /** Most recently updated first. */
  list(q: CaseQuery): Case[]
  /** The case an event is attached to. */
  caseOfEvent(eventId: string): Case | undefined
  /**
   * The case with whether a 12345 caller is among its events (it then gets a return visit), however
   * long ago they called: the case detail's view, read once.
   */
  detail(id: string): { case: Case; hotline: boolean } | undefined
  audit(id: string): CaseAuditEntry[]
  /**
   * Moves every open case that missed its SLA up one tier (actor `system`, the missed deadline in the
   * audit note); returns the escalated cases.
   */
  escalateOverdue(): Case[]
  /** Flags whistle summons past `dueBy` with no arrival as late (audit `report_late`, actor `system`); returns the cases changed. */
  flagLateSummons(): Case[]
  /**
   * Opens a topic case (专项工单) for a hotspot an operator sends to its department in one click: at the
   * street, routed to the category's department, with no events of its own (its reports stay in their
   * own cases), and never joined by new events. `alongside` runs in the same transaction (the caller
   * notes which hotspot it came from), so the two are written together or not at all.
   */
  openTopic(t: TopicInput, actor: string, alongside?: (c: Case) => void): Case
  /** The units the machine dispatches and whistles; set once by the units plugin. */
  linkUnits(units: CaseUnits): void
  /** Open cases (in the correlation index). */
  openCount(): number
  /** The open cases' documents, for sweeps and snapshots; do not mutate. */
  openCases(): IterableIterator<Case>
  /** Called after each committed change. */
  onChange(fn: (changes: CaseChange[]) => void): () => void
}

export function createCaseEngine(repo: CaseRepository, opts: CaseEngineOptions): CaseEngine {
  const rules = opts.openRules ?? DEFAULT_OPEN_RULES
  const tierRules = opts.tierRules ?? DEFAULT_TIER_RULES
  const slaTable = opts.sla ?? DEFAULT_SLA
  const departments = opts.departments ?? DEFAULT_DEPARTMENTS
  const now = opts.now ?? (() => new Date())
  const index = new OpenCaseIndex({ windowMs: opts.windowMs, radiusM: opts.radiusM, ...(opts.compatible ? { compatible: opts.compatible } : {}) })
  /** Open cases by id: attaching never reads the database. */
  const open = new Map<string, CaseRecord>()
  const listeners = new Set<(changes: CaseChange[]) => void>()
  let units: CaseUnits | undefined

  const indexRecord = (r: CaseRecord) => {
    open.set(r.case.id, r)
    if (r.key.startsWith(TOPIC_KEY)) return
    index.add({
      id: r.case.id, key: r.key as CategoryKey, location: r.case.location, microgrid: r.case.path.microgrid,
      buildingId: r.buildingId, lastEventMs: Date.parse(r.lastEventAt),
    })
  }
  for (const r of repo.loadOpen()) indexRecord(r)

  const emit = (changes: CaseChange[]) => {
    if (changes.length === 0) return
    for (const fn of listeners) fn(changes)
  }

  function openCase(e: StoredEvent): CaseRecord {
    const openedAt = e.receivedAt
    const n = repo.nextNumber()
    const c: Case = {
      id: `C-${String(n).padStart(7, '0')}`,
      status: 'new',
      tier: routeTier({ source: e.source, category: e.category, severity: e.severity, eventCount: 1 }, tierRules),
      path: e.path,
      location: e.location,
      category: e.category,
      source: e.source,
      severity: e.severity,
      title: e.title ?? findCategory(e.source, e.category)?.zh ?? e.category,
      eventIds: [e.id],
      eventCount: 1,
      department: routeDepartment(e.source, e.category, departments),
      openedAt,
      updatedAt: openedAt,
      deadlines: deadlinesFrom(openedAt, slaFor(e.source, e.category, e.severity, slaTable)),
      escalations: 0,
      unitIds: [],
    }
    const place = eventPlace(e)
    const record: CaseRecord = { case: c, key: place.key, buildingId: place.buildingId, lastEventAt: e.occurredAt, hotline: e.source === 'hotline' }
    save(record)
    repo.attachEvent(c.id, e, openedAt)
    repo.appendAudit({ caseId: c.id, action: 'open', from: null, to: 'new', actor: SYSTEM_ACTOR, at: openedAt, note: `${e.source}:${e.category} ${e.id}` })
    indexRecord(record)
    return record
  }

  function openTopic(t: TopicInput, actor: string, alongside?: (c: Case) => void): Case {
    const openedAt = now().toISOString()
    const record = repo.transaction((): CaseRecord => {
      const c: Case = {
        id: `C-${String(repo.nextNumber()).padStart(7, '0')}`,
        status: 'new',
        tier: 'street',
        path: t.path,
        location: t.location,
        category: t.category,
        source: t.source,
        severity: t.severity,
        title: t.title,
        eventIds: latestEventIds(t.eventIds),
        eventCount: Math.max(t.eventCount, t.eventIds.length),
        department: routeDepartment(t.source, t.category, departments),
        openedAt,
        updatedAt: openedAt,
        deadlines: deadlinesFrom(openedAt, slaFor(t.source, t.category, t.severity, slaTable)),
        escalations: 0,
        unitIds: [],
      }
      const r: CaseRecord = { case: c, key: `${TOPIC_KEY}${t.hotspotId}`, buildingId: null, lastEventAt: openedAt, hotline: false }
      repo.save(r)
      repo.appendAudit({ caseId: c.id, action: 'open', from: null, to: 'new', actor, at: openedAt, note: t.note })
      alongside?.(c)
      return r
    })
    indexRecord(record)
    emit([{ case: record.case, kind: 'opened' }])
    return record.case
  }

  /** Cases changed by the batch being considered, written once each when it ends. */
  let pending: Map<string, CaseRecord> | null = null
  const save = (r: CaseRecord) => (pending ? pending.set(r.case.id, r) : repo.save(r))

  function attach(record: CaseRecord, e: StoredEvent): void {
    const at = e.receivedAt
    const c: Case = {
      ...record.case,
      eventIds: latestEventIds(record.case.eventIds, e.id),
      eventCount: record.case.eventCount + 1,
      severity: maxSeverity(record.case.severity, e.severity),
      updatedAt: at,
    }
    // Before anyone is assigned, more events (or a worse one) may make it a higher tier's case.
    let rerouted = false
    if (c.status === 'new') {
      const tier = routeTier({ source: record.case.source, category: record.case.category, severity: c.severity, eventCount: c.eventCount }, tierRules)
      if (tierRank(tier) > tierRank(c.tier)) {
        repo.appendAudit({ caseId: c.id, action: 'reroute', from: 'new', to: 'new', actor: SYSTEM_ACTOR, at, note: `${c.tier} → ${tier}; ${c.eventCount} events` })
        c.tier = tier
        rerouted = true
      }
    }
    const lastEventAt = Date.parse(e.occurredAt) > Date.parse(record.lastEventAt) ? e.occurredAt : record.lastEventAt
    const next: CaseRecord = { ...record, case: c, lastEventAt, hotline: record.hotline || e.source === 'hotline' }
    // The event's own row carries what an attach changes; the case row is written only for a new tier
    // (the list filters on it), or when the case was opened in this same batch and is still to be written.
    if (rerouted || pending?.has(c.id)) save(next)
    repo.attachEvent(c.id, e, at)
    open.set(c.id, next)
    index.touch(c.id, Date.parse(e.occurredAt))
  }

  /** Open cases matching a query, from memory: their rows lag behind their attaches. */
  function listOpen(q: CaseQuery): Case[] {
    const out: Case[] = []
    for (const { case: c } of open.values()) {
      if (q.status !== undefined && q.status !== 'open' && c.status !== q.status) continue
      if (q.street !== undefined && c.path.street !== q.street) continue
      if (q.tier !== undefined && c.tier !== q.tier) continue
      out.push(c)
    }
    return out
  }

  /** Most recently updated first, as the database lists them. */
  function list(q: CaseQuery): Case[] {
    const openWanted = q.status === undefined || q.status === 'open' || (q.status !== 'finished' && isOpenStatus(q.status))
    const finishedWanted = q.status === undefined || q.status === 'finished' || (q.status !== 'open' && !isOpenStatus(q.status))
    const found = [
      ...(openWanted ? listOpen(q) : []),
      ...(finishedWanted ? repo.list({ ...q, status: q.status ?? 'finished' }) : []),
    ]
    found.sort((a, b) => (a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    return found.slice(0, q.limit)
  }

  function consider(events: readonly StoredEvent[], opts: { fresh?: boolean } = {}): CaseChange[] {
    if (events.length === 0) return []
    // A case several events of the batch touch is written once, as it stands at the end; a batch
    // that fails leaves nothing pending for the next one (the transaction rolls its writes back).
    pending = new Map()
    try {
      return considerPending(events, opts.fresh === true)
    } finally {
      pending = null
    }
  }

  function considerPending(events: readonly StoredEvent[], fresh: boolean): CaseChange[] {
    // Everything here follows from the stored events, so it need not wait for the disk (see the repository).
    const changes = repo.replayableTransaction(() => {
      const out = new Map<string, CaseChange>()
      let maxSeq = repo.lastSeq() ?? 0
      for (const e of events) {
        if (e.seq > maxSeq) maxSeq = e.seq
        if (!shouldOpen(e, rules)) continue
        if (!fresh && repo.caseIdOfEvent(e.id)) continue
        const ref = index.find(eventPlace(e))
        const target = ref ? open.get(ref.id) : undefined
        if (target) {
          attach(target, e)
          const prior = out.get(target.case.id)
          out.set(target.case.id, { case: open.get(target.case.id)!.case, kind: prior?.kind ?? 'attached' })
        } else {
          const r = openCase(e)
          out.set(r.case.id, { case: r.case, kind: 'opened' })
        }
      }
      for (const r of pending!.values()) repo.save(r)
      pending!.clear()
      repo.setLastSeq(maxSeq)
      return [...out.values()]
    })
    emit(changes)
    return changes
  }

  function act(id: string, action: CaseAction, actor: string): MachineResult {
    const record = open.get(id) ?? repo.get(id)
    if (!record) return { ok: false, status: 409, reason: `no case ${id}` }
    const c = record.case
    const sla = slaFor(c.source, c.category, c.severity, slaTable)
    const at = now().toISOString()
    const result = applyAction(c, action, actor, at, { hotline: record.hotline, sla, ...(units ? { units } : {}) })
    if (!result.ok) return result
    const next: CaseRecord = { ...record, case: result.case }
    const afterCommit = repo.transaction(() => {
      repo.save(next)
      repo.appendAudit(result.audit)
      return units?.caseActed(c, result.case, action, actor, at)
    })
    keep(next)
    emit([{ case: result.case, kind: 'action' }])
    // After the case's own frame: the units' frames, and what follows from them (a summoned team's report).
    afterCommit?.()
    return result
  }

  /** The open-case map and index after a committed change. */
  function keep(r: CaseRecord): void {
    if (isOpenStatus(r.case.status)) {
      open.set(r.case.id, r)
    } else {
      open.delete(r.case.id)
      index.remove(r.case.id)
    }
  }

  function flagLateSummons(): Case[] {
    const nowMs = now().getTime()
    const at = new Date(nowMs).toISOString()
    const changed: CaseRecord[] = []
    for (const r of open.values()) {
      const late = overdueSummons(r.case, nowMs)
      if (late.length === 0) continue
      const c: Case = { ...r.case, summons: flagOverdue(r.case.summons ?? [], nowMs), updatedAt: at }
      changed.push({ ...r, case: c })
    }
    if (changed.length === 0) return []
    repo.transaction(() => {
      for (const r of changed) {
        const late = overdueSummons(open.get(r.case.id)!.case, nowMs)
        repo.save(r)
        repo.appendAudit({
          caseId: r.case.id, action: 'report_late', from: r.case.status, to: r.case.status, actor: SYSTEM_ACTOR, at,
          note: `${late.map(departmentName).join('、')}：报到超时（吹哨后未按时到场）`,
        })
      }
    })
    for (const r of changed) keep(r)
    emit(changed.map((r) => ({ case: r.case, kind: 'action' as const })))
    return changed.map((r) => r.case)
  }

  function escalateOverdue(): Case[] {
    const nowMs = now().getTime()
    const due = [...open.values()].flatMap((r) => {
      const o = overdue(r.case, nowMs)
      return o ? [{ id: r.case.id, o }] : []
    })
    const out: Case[] = []
    for (const { id, o } of due) {
      const result = act(id, { action: 'escalate', note: `SLA ${o.reason}` }, SYSTEM_ACTOR)
      if (result.ok) out.push(result.case)
    }
    return out
  }

  return {
    openTopic,
    consider,
    act,
    escalateOverdue,
    flagLateSummons,
    linkUnits(u) {
      units = u
    },
    get: (id) => (open.get(id) ?? repo.get(id))?.case,
    list,
    caseOfEvent: (eventId) => {
      const id = repo.caseIdOfEvent(eventId)
      return id ? (open.get(id) ?? repo.get(id))?.case : undefined
    },
    detail: (id) => {
      const r = open.get(id) ?? repo.get(id)
      return r && { case: r.case, hotline: r.hotline }
    },
    audit: (id) => repo.audit(id),
    openCount: () => open.size,
    openCases: () => [...open.values()].map((r) => r.case)[Symbol.iterator](),
    onChange(fn) {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
  }
}
