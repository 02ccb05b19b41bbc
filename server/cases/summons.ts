/**
 * The whistle (吹哨) and the report (报到), DESIGN §2.3: a street summons departments to one of its
 * cases, and each must accept and arrive within WHISTLE_REPORT_MIN minutes. Pure functions over a
 * case's `summons`; the state machine calls them and maps a refusal to 400 or 409.
 */
import { DEPARTMENTS, DEPARTMENT_LABELS, WHISTLE_REPORT_MIN, type Case, type Department, type Summons } from '../../domain/cases.ts'

export type SummonsResult = { ok: true; summons: Summons[] } | { ok: false; status: 400 | 409; reason: string }

const departmentLabel = (d: string): string =>
  (DEPARTMENTS as readonly string[]).includes(d) ? `${d} (${DEPARTMENT_LABELS[d as Department].zh})` : d

/** The department as the audit log names it for the operators who read it: its Chinese name. */
export const departmentName = (d: string): string =>
  (DEPARTMENTS as readonly string[]).includes(d) ? DEPARTMENT_LABELS[d as Department].zh : d

/** The department's summons still waiting for its arrival (the latest one), by index. */
const pendingIndex = (summons: readonly Summons[], department: string): number =>
  summons.findLastIndex((s) => s.department === department && !s.arrivedAt)

/**
 * @example
 * summon(streetCase, ['police'], '2026-05-22T10:00:00.000Z')
 * // { ok: true, summons: [{ department: 'police', at: '…10:00…', dueBy: '…10:30…', late: false }] }
 */
export function summon(c: Case, departments: readonly string[] | undefined, at: string): SummonsResult {
  if (!departments || departments.length === 0) return { ok: false, status: 400, reason: 'whistle needs departments: the DEPARTMENTS codes summoned' }
  const unknown = departments.filter((d) => !(DEPARTMENTS as readonly string[]).includes(d))
  if (unknown.length > 0) {
    return { ok: false, status: 400, reason: `unknown department ${unknown.map((d) => JSON.stringify(d)).join(', ')}; one of: ${DEPARTMENTS.join(', ')}` }
  }
  const current = c.summons ?? []
  const waiting = departments.filter((d) => pendingIndex(current, d) >= 0)
  if (waiting.length > 0) {
    return { ok: false, status: 409, reason: `${waiting.map(departmentLabel).join(', ')} already summoned on case ${c.id} and not yet arrived (未报到)` }
  }
  const dueBy = new Date(Date.parse(at) + WHISTLE_REPORT_MIN * 60_000).toISOString()
  return { ok: true, summons: [...current, ...departments.map((department) => ({ department, at, dueBy, late: false }))] }
}

/**
 * A department's report: `accept` records when it took the job, `arrive` when it was on the scene
 * (and accepted, if it had not said so). Arriving after `dueBy` is late.
 * @example
 * report(c, 'police', 'arrive', '2026-05-22T10:40:00.000Z') // { ok: true, summons: [{ …, arrivedAt: '…10:40…', late: true }] }
 */
export function report(c: Case, department: string | undefined, stage: 'accept' | 'arrive' | undefined, at: string): SummonsResult {
  if (!department || !stage) return { ok: false, status: 400, reason: 'report needs department (a summoned DEPARTMENTS code) and stage (accept or arrive)' }
  const summons = [...(c.summons ?? [])]
  const i = pendingIndex(summons, department)
  if (i < 0) {
    const arrived = summons.some((s) => s.department === department)
    return {
      ok: false, status: 409,
      reason: arrived ? `${departmentLabel(department)} already reported arrival on case ${c.id}` : `${departmentLabel(department)} was not summoned (吹哨) on case ${c.id}`,
    }
  }
  const s = summons[i]!
  if (stage === 'accept') {
    if (s.acceptedAt) return { ok: false, status: 409, reason: `${departmentLabel(department)} already reported accepting at ${s.acceptedAt}` }
    summons[i] = { ...s, acceptedAt: at }
  } else {
    summons[i] = { ...s, acceptedAt: s.acceptedAt ?? at, arrivedAt: at, late: s.late || Date.parse(at) > Date.parse(s.dueBy) }
  }
  return { ok: true, summons }
}

/**
 * Departments whose summons passed `dueBy` with no arrival and are not flagged yet.
 * @example
 * overdueSummons(c, Date.parse('2026-05-22T10:31:00Z')) // ['police']
 */
export function overdueSummons(c: Pick<Case, 'summons'>, nowMs: number): string[] {
  return (c.summons ?? []).filter((s) => !s.arrivedAt && !s.late && Date.parse(s.dueBy) < nowMs).map((s) => s.department)
}

/** The summons with every overdue one flagged late. */
export function flagOverdue(summons: readonly Summons[], nowMs: number): Summons[] {
  return summons.map((s) => (!s.arrivedAt && !s.late && Date.parse(s.dueBy) < nowMs ? { ...s, late: true } : s))
}
