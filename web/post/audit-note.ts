/**
 * What the post shows for an audit entry's note. People's notes are shown as they wrote them, and so
 * are the server's own Chinese notes (units sent, departments reporting, SLA reasons). Two of the
 * engine's notes are terse records in a fixed form, part code: `hotline:noise <event id>` when a case
 * opens and `community → street; 5 events` when more events reroute it; those are put in the reader's
 * language here. So are the bilingual notes earlier versions wrote (`SLA 接单超时 (not accepted in
 * time)`), still in the audit logs of existing data. A note in a form this does not know is shown as
 * written.
 */
import { CASE_TIER_LABELS, CASE_TIERS, SYSTEM_ACTOR, type CaseAuditEntry, type CaseTier } from '../../domain/cases.ts'
import { categoryLabel } from '../feed/feed-rows.ts'
import type { AppLocale } from '../i18n/resolve-locale.ts'

const OPENED = /^(\w+):(\S+) \S+$/
const REROUTED = /^(\w+) → (\w+); (\d+) events$/
/** `中文 (English)`, as the escalation and late-report notes are written. */
const BILINGUAL = /^(.*?)\s*\(([^()]+)\)$/

const isTier = (s: string): s is CaseTier => (CASE_TIERS as readonly string[]).includes(s)

/**
 * @example
 * auditNote({ actor: 'system', action: 'reroute', note: 'community → street; 5 events', … }, 'zh-CN', t) // '社区 → 街道 · 5 条事件'
 */
export function auditNote(entry: Pick<CaseAuditEntry, 'actor' | 'action' | 'note'>, locale: AppLocale, sourceLabel: (source: string) => string): string {
  const note = entry.note ?? ''
  if (entry.actor !== SYSTEM_ACTOR || !note) return note
  const lang = locale === 'en' ? 'en' : 'zh'
  const opened = entry.action === 'open' ? OPENED.exec(note) : null
  if (opened) return `${sourceLabel(opened[1]!)} · ${categoryLabel(opened[1]!, opened[2]!, locale)}`
  const rerouted = entry.action === 'reroute' ? REROUTED.exec(note) : null
  if (rerouted && isTier(rerouted[1]!) && isTier(rerouted[2]!)) {
    const n = Number(rerouted[3])
    const tiers = `${CASE_TIER_LABELS[rerouted[1]][lang]} → ${CASE_TIER_LABELS[rerouted[2]][lang]}`
    return lang === 'en' ? `${tiers} · ${n} events` : `${tiers} · ${n} 条事件`
  }
  const bilingual = BILINGUAL.exec(note)
  if (bilingual) {
    const [, zh, en] = bilingual as unknown as [string, string, string]
    if (lang === 'zh') return zh
    // The Chinese part names what is late (`SLA 接单超时`, `消防救援: 报到超时`); keep what precedes it.
    const lead = /^(.*?)(?:\s*[\u4e00-\u9fff]+超时)$/.exec(zh)?.[1] ?? ''
    return lead ? `${lead} ${en}` : en
  }
  return note
}

/** Units act on their cases as `unit:<id>` (an arrival by geofence, a department's report). */
const UNIT_ACTOR = /^unit:(.+)$/

/**
 * Who an audit entry says acted: the system in words, a unit by its name where the post knows it,
 * a person by their username.
 *
 * @example
 * auditActor('unit:DT-510108001-fire', (id) => '消防救援 · 猛追湾街道 一队', '系统') // '消防救援 · 猛追湾街道 一队'
 */
export function auditActor(actor: string, unitName: (id: string) => string | undefined, systemLabel: string): string {
  if (actor === SYSTEM_ACTOR) return systemLabel
  const unit = UNIT_ACTOR.exec(actor)
  return unit ? (unitName(unit[1]!) ?? actor) : actor
}
