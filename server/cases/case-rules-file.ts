/**
 * A deployment's own case rules (`CASE_RULES_FILE`, JSON): any of the open rules, correlation
 * families, tier rules, departments and SLA table replaces the default of the same name. The file
 * is checked at boot, and a bad one stops the start naming what is wrong.
 */
import { readFileSync } from 'node:fs'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { CASE_TIERS, DEPARTMENTS } from '../../domain/cases.ts'
import { SEVERITIES, SOURCES } from '../../domain/event.ts'
import { compatibilityOf, type CategoryKey } from './correlate.ts'
import type { CaseEngineOptions } from './case-engine.ts'
import type { OpenRule } from './open-rules.ts'
import type { SlaTable, TierRules } from './route-case.ts'
import { DEFAULT_SLA, DEFAULT_TIER_RULES } from './route-case.ts'

const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)))
const Key = Type.String({ pattern: '^[a-z]+:[a-z_]+$' })
const Tier = oneOf(CASE_TIERS)
const Sla = Type.Object({ acceptMin: Type.Number({ exclusiveMinimum: 0 }), arriveMin: Type.Number({ exclusiveMinimum: 0 }), resolveMin: Type.Number({ exclusiveMinimum: 0 }) }, { additionalProperties: false })
const BySeverity = <T extends ReturnType<typeof Type.Object> | ReturnType<typeof oneOf>>(t: T) =>
  Type.Object(Object.fromEntries(SEVERITIES.map((s) => [s, t])), { additionalProperties: false })

export const CaseRulesFile = Type.Object({
  openRules: Type.Optional(Type.Array(Type.Object({
    source: Type.Union([oneOf(SOURCES), Type.Literal('*')]),
    categories: Type.Optional(Type.Array(Type.String())),
    attrs: Type.Optional(Type.Record(Type.String(), Type.Array(Type.Unknown()))),
    minSeverity: Type.Optional(oneOf(SEVERITIES)),
    open: Type.Boolean(),
    reason: Type.String(),
  }, { additionalProperties: false }))),
  families: Type.Optional(Type.Record(Type.String(), Type.Array(Key))),
  tierRules: Type.Optional(Type.Object({
    bySeverity: Type.Optional(BySeverity(Tier)),
    minByCategory: Type.Optional(Type.Record(Key, Tier)),
    multiEventStreet: Type.Optional(Type.Integer({ minimum: 1 })),
  }, { additionalProperties: false })),
  departments: Type.Optional(Type.Record(Key, oneOf(DEPARTMENTS))),
  sla: Type.Optional(Type.Object({
    bySeverity: Type.Optional(BySeverity(Sla)),
    byCategory: Type.Optional(Type.Record(Key, Sla)),
    hotlineServiceSla: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false })),
}, { additionalProperties: false })
export type CaseRulesFile = Static<typeof CaseRulesFile>

/** The engine options a checked rules document sets; throws a message naming each problem. */
export function caseRulesOptions(doc: unknown): Partial<CaseEngineOptions> {
  const errors = [...Value.Errors(CaseRulesFile, doc)]
  if (errors.length > 0) throw new Error(errors.slice(0, 10).map((e) => `${e.path || '(root)'}: ${e.message}`).join('; '))
  const f = doc as CaseRulesFile
  const out: Partial<CaseEngineOptions> = {}
  if (f.openRules) out.openRules = f.openRules as OpenRule[]
  if (f.families) out.compatible = compatibilityOf(f.families as Record<string, CategoryKey[]>)
  if (f.tierRules) out.tierRules = { ...DEFAULT_TIER_RULES, ...f.tierRules } as TierRules
  if (f.departments) out.departments = f.departments as CaseEngineOptions['departments']
  if (f.sla) out.sla = { ...DEFAULT_SLA, ...f.sla } as SlaTable
  return out
}

export function readCaseRulesFile(path: string): Partial<CaseEngineOptions> {
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new Error(`CASE_RULES_FILE=${JSON.stringify(path)}: ${(err as Error).message}`)
  }
  try {
    return caseRulesOptions(doc)
  } catch (err) {
    throw new Error(`CASE_RULES_FILE=${JSON.stringify(path)}: ${(err as Error).message}`)
  }
}
