/**
 * The category taxonomy per event source. Each source's list may grow, but the codes that
 * DESIGN §4 names must always be present. Labels are Chinese first (the UI's default locale).
 */
import type { Severity } from './event.ts'

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
  // 12345 service codes; the full Open311 service list grows with the hotline issue.
  hotline: [
    def('city_appearance', '市容环境', 'City appearance', 'minor'),
    def('illegal_construction', '违法建设', 'Illegal construction', 'moderate'),
    def('property_management', '物业管理', 'Property management', 'minor'),
    def('noise', '噪声扰民', 'Noise', 'minor'),
    def('water_supply', '供水', 'Water supply', 'moderate'),
    def('power_supply', '供电', 'Power supply', 'moderate'),
    def('gas_supply', '供气', 'Gas supply', 'moderate'),
    def('heating', '供暖', 'Heating', 'moderate'),
    def('road_damage', '道路破损', 'Road damage', 'minor'),
    def('waterlogging', '积水内涝', 'Waterlogging', 'moderate'),
    def('fallen_tree', '树木倒伏', 'Fallen tree', 'moderate'),
    def('market_supervision', '市场监管', 'Market supervision', 'minor'),
    def('wage_arrears', '欠薪', 'Wage arrears', 'moderate'),
    def('dog_keeping', '文明养犬', 'Civilised dog-keeping', 'minor'),
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
