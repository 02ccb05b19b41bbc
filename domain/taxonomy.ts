/**
 * The category taxonomy per event source. Each source's list may grow, but the codes that
 * DESIGN §4 names must always be present. Labels are Chinese first (the UI's default locale).
 */
import type { Severity } from './event.ts'
import { HOTLINE_SERVICES } from './hotline-services.ts'

export interface CategoryDef {
  code: string
  zh: string
  en: string
  /** Applied when an ingest item carries no `severity`. */
  defaultSeverity: Severity
}

const def = (code: string, zh: string, en: string, defaultSeverity: Severity): CategoryDef =>
  ({ code, zh, en, defaultSeverity })

export const TAXONOMY = {
  incident: [
    def('fire_hazard', '消防隐患', 'Fire hazard', 'moderate'),
    def('public_order', '治安隐患', 'Public order', 'moderate'),
    def('environment', '环境卫生', 'Environment', 'minor'),
    def('facility_damage', '设施损坏', 'Facility damage', 'minor'),
    def('dispute', '矛盾纠纷', 'Dispute', 'minor'),
  ],
  sensor: [
    def('smoke', '烟感', 'Smoke', 'severe'),
    def('heat', '温感', 'Heat', 'severe'),
    def('gas', '燃气', 'Gas', 'severe'),
    def('electrical', '电气火灾', 'Electrical fire', 'severe'),
  ],
  detection: [
    def('dog_unleashed', '犬类未系绳', 'Dog off the leash', 'minor'),
    def('stray_dog', '流浪犬', 'Stray dog', 'minor'),
  ],
  // The 12345 service codes, with their Open311 definitions and SLAs (hotline-services.ts).
  hotline: HOTLINE_SERVICES,
  // CAP 1.2 <info><category> (domain/cap.ts), lower-cased; the message's own severity always applies.
  cap: [
    def('geo', '地质地震', 'Geophysical', 'moderate'),
    def('met', '气象', 'Meteorological', 'moderate'),
    def('safety', '公共安全', 'Public safety', 'moderate'),
    def('security', '社会安全', 'Security', 'moderate'),
    def('rescue', '救援', 'Rescue and recovery', 'moderate'),
    def('fire', '火灾', 'Fire', 'moderate'),
    def('health', '卫生健康', 'Health', 'moderate'),
    def('env', '环境污染', 'Environment', 'moderate'),
    def('transport', '交通运输', 'Transport', 'moderate'),
    def('infra', '基础设施', 'Infrastructure', 'moderate'),
    def('cbrne', '化学生物放射核爆炸', 'CBRNE', 'severe'),
    def('other', '其他预警', 'Other', 'minor'),
  ],
} as const satisfies Record<string, readonly CategoryDef[]>

export type IngestSourceName = keyof typeof TAXONOMY
export type CategoryCode<S extends IngestSourceName> = (typeof TAXONOMY)[S][number]['code']

const byKey = new Map<string, CategoryDef>(
  Object.entries(TAXONOMY).flatMap(([source, defs]) => defs.map((d) => [`${source}:${d.code}`, d] as const)),
)

/** The category's definition, or undefined when the source's taxonomy has no such code. */
export function findCategory(source: string, code: string): CategoryDef | undefined {
  return byKey.get(`${source}:${code}`)
}
