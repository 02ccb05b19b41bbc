/**
 * Published figures for Chengdu's Chenghua district (成华区, adcode 510108) that the generator reproduces:
 * DESIGN §2.1. The outline itself is synthetic; only its size and rough position are real.
 */

export const CHENGHUA = {
  id: '510108',
  name: '成华区',
  /** Rough centre of the real district, WGS-84. */
  center: { lng: 104.1, lat: 30.67 },
  /** Land area the generated outline is scaled to, in m². */
  areaM2: 110e6,
  /** The 11 streets (街道) in id order: `510108001` … `510108011`. */
  streetNames: [
    '猛追湾街道',
    '双桥子街道',
    '府青路街道',
    '二仙桥街道',
    '跳蹬河街道',
    '建设路街道',
    '圣灯街道',
    '保和街道',
    '青龙街道',
    '龙潭街道',
    '白莲池街道',
  ],
} as const

/** A street's id: the district's adcode plus a three-digit sequence, e.g. `510108001`. */
export function streetId(districtId: string, index: number): string {
  return `${districtId}${String(index + 1).padStart(3, '0')}`
}
