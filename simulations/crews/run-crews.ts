/**
 * The simulated crews: the street command posts and their units working the open cases through the
 * public API, so a demo wall shows the whole loop (discover → dispatch → handle → feed back →
 * evaluate) without anyone at a post. Each tick it reads the open cases and busy units, dispatches
 * the tier's nearest free unit once a case's planned delay has passed, sets units off and moves them
 * in straight lines (their arrival is the server's geofence), resolves after the time on scene, and
 * makes the 12345 return visit. A share of cases is neglected until the SLA sweep escalates them;
 * street cases with a department get a whistle (吹哨). Used by `npm start` (`SIMULATION_CREWS`).
 */
import { distance } from '@turf/turf'
import type { Case, CaseAction } from '../../domain/cases.ts'
import type { UnitPositionFix } from '../../domain/units.ts'
import { chooseUnit } from './choose-unit.ts'
import { createCrewClient, type CrewClient } from './crew-client.ts'
import { planCase, UNIT_SPEED_MPS, type CasePlan } from './crew-plan.ts'
import { stepToward } from './step-toward.ts'

export interface CrewOptions {
  target: string
  apiKey: string
  password: string
  seed: string
  /** Real milliseconds between ticks (default 3,000). */
  tickMs?: number
  /** Simulated seconds per real second: delays shrink and units travel faster by this factor (default 1; tests). */
  speed?: number
  /** Leave a share of cases to the SLA sweep (default true); tests of the happy path turn it off. */
  neglect?: boolean
  /** At most this many case actions a tick, so a backlog is worked off without flooding the server. */
  actionsPerTick?: number
  log?: { warn(obj: unknown, msg?: string): void }
  /** For tests: a client other than HTTP. */
  client?: CrewClient
}

interface CaseMemory {
  plan: CasePlan
  /** When this run first saw the case in its current step, so a restart only delays, never skips. */
  stepSince: number
  step: string
  whistled: boolean
}

const NOTES = ['现场核实并处置完毕', '已协调相关单位处理', '已与当事人沟通解决', '隐患已排除', '已清理完毕并拍照留存']

const scaled = (p: CasePlan, speed: number): CasePlan => ({
  ...p,
  dispatchAfterMs: p.dispatchAfterMs / speed,
  acceptAfterMs: p.acceptAfterMs / speed,
  handleMs: p.handleMs / speed,
  returnVisitAfterMs: p.returnVisitAfterMs / speed,
})

export function startCrews(opts: CrewOptions): () => Promise<void> {
  const stop = new AbortController()
  const client = opts.client ?? createCrewClient({ target: opts.target, apiKey: opts.apiKey, password: opts.password, signal: stop.signal })
  const tickMs = opts.tickMs ?? 3000
  const speed = opts.speed ?? 1
  const budget = opts.actionsPerTick ?? 40
  const memory = new Map<string, CaseMemory>()
  /** When each busy unit was first seen dispatched: it sets off after its case's planned acceptance delay. */
  const dispatchedSeen = new Map<string, number>()

  const remember = (c: Case, now: number): CaseMemory => {
    const step = `${c.status}:${c.escalations}:${c.unitIds?.length ?? 0}`
    let m = memory.get(c.id)
    if (!m) {
      m = { plan: scaled(planCase(c, opts.seed), speed), stepSince: now, step, whistled: false }
      memory.set(c.id, m)
    } else if (m.step !== step) {
      m.step = step
      m.stepSince = now
    }
    return m
  }

  async function tick(): Promise<void> {
    const now = Date.now()
    const [open, resolved, roster] = await Promise.all([client.openCases(), client.resolvedCases(), client.units()])
    const moving = roster.filter((u) => u.status === 'dispatched' || u.status === 'en_route')
    const byId = new Map(open.map((c) => [c.id, c]))
    const actions: Array<{ c: Case; action: CaseAction }> = []
    const taken = new Set<string>()

    for (const c of open) {
      const m = remember(c, now)
      const waited = now - m.stepSince
      const units = c.unitIds ?? []
      if ((c.status === 'new' || c.status === 'escalated') && units.length === 0) {
        if (m.plan.neglected && opts.neglect !== false && c.escalations === 0) continue
        if (now - Date.parse(c.openedAt) < m.plan.dispatchAfterMs && c.escalations === 0) continue
        const unit = chooseUnit(c, roster.filter((u) => !taken.has(u.id)))
        if (unit) {
          taken.add(unit.id)
          actions.push({ c, action: { action: 'dispatch', unitId: unit.id, note: `派${unit.name}前往处置` } })
        } else {
          actions.push({ c, action: { action: 'assign', note: '暂无空闲力量，派单至责任网格' } })
        }
      } else if (c.tier === 'street' && c.department && !m.whistled && !(c.summons ?? []).some((s) => s.department === c.department)) {
        m.whistled = true
        actions.push({ c, action: { action: 'whistle', departments: [c.department], note: '街道吹哨，部门报到' } })
      } else if (c.status === 'assigned' && waited >= m.plan.acceptAfterMs) {
        actions.push({ c, action: { action: 'accept' } })
      } else if (c.status === 'accepted' && units.length === 0 && waited >= 120_000 / speed) {
        // Assigned without a unit on the map: the worker reports arrival by phone.
        actions.push({ c, action: { action: 'arrive', note: '电话报到场' } })
      } else if (c.status === 'on_scene' && waited >= m.plan.handleMs) {
        actions.push({ c, action: { action: 'resolve', note: NOTES[c.id.length % NOTES.length]! } })
      }
    }
    for (const c of resolved) {
      const m = remember(c, now)
      if (now - m.stepSince < m.plan.returnVisitAfterMs) continue
      actions.push({ c, action: c.returnVisit || c.source !== 'hotline' ? { action: 'close' } : { action: 'return_visit', result: m.plan.returnVisit } })
    }

    for (const { c, action } of actions.slice(0, budget)) {
      const r = await client.act(c, action)
      // A hotline case whose caller was attached later still needs its visit; a race with an operator is fine.
      if (!r.ok && action.action === 'close' && r.status === 409 && !c.returnVisit) {
        await client.act(c, { action: 'return_visit', result: memory.get(c.id)!.plan.returnVisit })
      }
    }

    // Units on their way: a straight line at their speed, reported as their GPS would.
    const fixes: UnitPositionFix[] = []
    const at = new Date(now).toISOString()
    for (const u of moving) {
      const c = u.caseId ? byId.get(u.caseId) : undefined
      if (!c) continue
      const seen = dispatchedSeen.get(u.id) ?? now
      dispatchedSeen.set(u.id, seen)
      const plan = memory.get(c.id)?.plan
      if (u.status === 'dispatched' && now - seen < (plan?.acceptAfterMs ?? 0)) continue
      const gap = distance([u.location.lng, u.location.lat], [c.location.lng, c.location.lat], { units: 'meters' })
      if (gap < 1) continue
      fixes.push({ unitId: u.id, location: stepToward(u.location, c.location, (UNIT_SPEED_MPS[u.kind] * speed * tickMs) / 1000), at })
    }
    const busy = new Set(moving.map((u) => u.id))
    for (const id of dispatchedSeen.keys()) if (!busy.has(id)) dispatchedSeen.delete(id)
    await client.reportPositions(fixes)

    // Forget finished cases so a long demo's memory stays bounded.
    const live = new Set([...open, ...resolved].map((c) => c.id))
    for (const id of memory.keys()) if (!live.has(id)) memory.delete(id)
  }

  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const loop = () => {
    running = tick()
      .catch((err: unknown) => {
        if (!stop.signal.aborted) opts.log?.warn({ err }, 'crew simulation tick failed')
      })
      .finally(() => {
        if (!stop.signal.aborted) timer = setTimeout(loop, tickMs)
      })
  }
  timer = setTimeout(loop, tickMs)

  return async () => {
    stop.abort()
    clearTimeout(timer)
    await running
  }
}
