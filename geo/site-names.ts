/**
 * Seeded names for the sites, in the style Chengdu's are written: schools (`桃蹊路小学`, `成华区第12小学`,
 * `双林实验小学`), hospitals (`建设路社区卫生服务中心`, `成华区第三人民医院` style), markets (`东虹路农贸市场`),
 * construction sites (`龙潭安置房项目工地`), parks (`杉板桥公园`), compounds (`建设路42号院落`,
 * `热电厂宿舍小区`, `锦绣花园`, `御景雅苑`) and buildings (`3栋`, `12号楼`). Every dedicated grid and
 * compound name is unique in the district; place words come from the community a site lies in.
 */
import type { DedicatedKind } from '../domain/sites.ts'
import type { Random } from './seeded-random.ts'

type Pattern = { value: (place: string, road: string) => string; weight: number }

const PROJECTS = ['安置房', '棚户区改造', '商住', '地铁站', '学校新建', '道路改造', '商业综合体', '保障性租赁住房', '医院扩建', '人才公寓', '产业园', '片区更新']
const FACTORIES = [
  '无缝钢管厂', '机车车辆厂', '电子管厂', '热电厂', '纺织厂', '肉联厂', '量具刃具厂', '机床厂', '铁路局', '邮电局',
  '供电局', '物资局', '建工集团', '电车公司', '粮食局', '印染厂', '发动机厂', '汽车修理厂', '化工厂', '煤炭局',
]
const NICE = [
  '锦绣', '御景', '翡翠', '金色', '阳光', '蓝湾', '天悦', '凯旋', '丽景', '紫薇', '水岸', '东方', '盛世', '华庭',
  '尚城', '龙城', '时代', '未来', '滨江', '青城', '锦江', '东湖', '香榭', '名都', '星河', '云锦', '江山', '熙岸',
  '森林', '万象', '和府', '锦城', '润园', '清水', '春晓', '翠庭', '馨怡', '观澜', '逸景', '朗诗', '望江', '书香',
]
const CLASSY = [...'雅锦嘉华怡馨悦和瑞康']
const OLD_WORDS = ['东虹', '红星', '光荣', '胜利', '建设', '和平', '前进', '东风', '跃进', '新华', '工农', '幸福']

const pattern = (weight: number, value: Pattern['value']): Pattern => ({ value, weight })

const SCHOOL: Pattern[] = [
  pattern(3, (p) => `${p}小学`),
  pattern(1, (p) => `成都市${p}小学`),
  pattern(1.5, (p) => `${p}实验小学`),
  pattern(1.5, (p) => `${p}中学`),
  pattern(0.7, (p) => `${p}学校`),
]
const CLINIC: Pattern[] = [pattern(4, (p) => `${p}社区卫生服务中心`)]
const HOSPITAL: Pattern[] = [
  pattern(1.5, (p) => `成都${p}医院`),
  pattern(1, (p) => `${p}中医医院`),
  pattern(0.5, (p) => `${p}骨科医院`),
  pattern(0.5, (p) => `${p}口腔医院`),
]
const MARKET: Pattern[] = [
  pattern(4, (p) => `${p}农贸市场`),
  pattern(1, (p) => `${p}生鲜农贸市场`),
  pattern(1, (_, road) => `${road}综合农贸市场`),
]
const BIG_PARK: Pattern[] = [pattern(2, (p) => `${p}公园`), pattern(1, (p) => `${p}湿地公园`), pattern(1, (p) => `${p}森林公园`)]
const PARK: Pattern[] = [pattern(3, (p) => `${p}公园`), pattern(1, (p) => `${p}体育公园`), pattern(1, (p) => `${p}绿道公园`)]
const SMALL_PARK: Pattern[] = [pattern(2, (p) => `${p}公园`), pattern(1, (p) => `${p}口袋公园`)]

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const MAX_TRIES = 12

export interface SiteNamer {
  /** A unique name for a dedicated grid of `kind` and `areaHa` in a community whose name is `community`. */
  dedicated(kind: DedicatedKind, community: string, areaHa: number): string
  /** A unique `…小区` / `…院落` / `…花园` / `…苑` name; old compounds get the older styles. */
  compound(old: boolean, community: string): string
}

/** `桃蹊路社区` → `桃蹊路`: the place word a community lends the sites inside it. */
export function placeWord(community: string): string {
  const word = community.endsWith('社区') ? community.slice(0, -2) : community
  return word.length > 0 ? word : '成华'
}

/** A road name from a place word: `桃蹊路` stays, `东篱` becomes `东篱路`. */
function roadOf(place: string): string {
  return /[路街巷道]$/.test(place) ? place : `${place}路`
}

/**
 * A namer that remembers what it has handed out, so names stay unique across the district. Draw from it
 * in a fixed order (id order) for names that depend only on the seed.
 *
 * @example
 * const namer = createSiteNamer(createRandom('x'))
 * namer.dedicated('school', '桃蹊路社区', 2.1) // e.g. '桃蹊路实验小学'
 * namer.compound(true, '建设路社区')            // e.g. '建设路42号院落'
 */
export function createSiteNamer(rng: Random): SiteNamer {
  const taken = new Set<string>()
  const serial: Record<string, number> = {}
  const next = (key: string): number => (serial[key] = (serial[key] ?? 0) + 1)
  const unique = (draw: () => string, fallback: () => string): string => {
    for (let i = 0; i < MAX_TRIES; i++) {
      const name = draw()
      if (!taken.has(name)) {
        taken.add(name)
        return name
      }
    }
    for (;;) {
      const name = fallback()
      if (!taken.has(name)) {
        taken.add(name)
        return name
      }
    }
  }
  const from = (patterns: Pattern[], place: string): string => rng.weighted(patterns)(place, roadOf(place))

  return {
    dedicated(kind, community, areaHa) {
      const place = placeWord(community)
      switch (kind) {
        case 'school':
          // Numbered schools are common enough to draw directly, and they are the fallback that never collides.
          return unique(
            () => (rng.next() < 0.15 ? `成华区第${next('school')}小学` : from(SCHOOL, place)),
            () => `成华区第${next('school')}小学`,
          )
        case 'hospital':
          if (areaHa < 1) return unique(() => from(CLINIC, place), () => `${place}第${numeral(next(`clinic:${place}`))}社区卫生服务中心`)
          return unique(
            () => (rng.next() < 0.2 ? `成华区第${numeral(next('hospital'))}人民医院` : from(HOSPITAL, place)),
            () => `成华区第${numeral(next('hospital'))}人民医院`,
          )
        case 'market':
          return unique(() => from(MARKET, place), () => `${place}第${numeral(next(`market:${place}`))}农贸市场`)
        case 'construction': {
          const project = (): string => rng.pick(PROJECTS)
          return unique(() => `${place}${project()}项目工地`, () => `${place}${project()}${numeral(next(`site:${place}`))}期项目工地`)
        }
        case 'park': {
          const patterns = areaHa >= 15 ? BIG_PARK : areaHa >= 5 ? PARK : SMALL_PARK
          return unique(() => from(patterns, place), () => `${place}${next(`park:${place}`)}号公园`)
        }
      }
    },
    compound(old, community) {
      const place = placeWord(community)
      const road = roadOf(place)
      const draw = old
        ? (): string =>
            rng.weighted([
              { value: () => `${road}${rng.int(1, 199)}号院落`, weight: 4 },
              { value: () => `${rng.pick(FACTORIES)}宿舍小区`, weight: 2 },
              { value: () => `${place}小区`, weight: 1.5 },
              { value: () => `${rng.pick(OLD_WORDS)}${rng.pick(['苑', '小区', '院落'])}`, weight: 0.7 },
            ])()
        : (): string =>
            rng.weighted([
              { value: () => `${rng.pick(NICE)}花园`, weight: 2 },
              { value: () => `${rng.pick(NICE)}${rng.pick(CLASSY)}苑`, weight: 2 },
              { value: () => `${place}${rng.pick(NICE)}小区`, weight: 1 },
              { value: () => `${rng.pick(NICE)}${rng.pick(['湾', '府', '城', '庭'])}花园`, weight: 1 },
            ])()
      return unique(draw, () => `${road}${next(`compound:${road}`) + 199}号院落`)
    },
  }
}

/**
 * `3栋` or `3号楼`: the two ways Chengdu numbers the buildings of a compound.
 * @example buildingName(3, '号楼') // '3号楼'
 */
export function buildingName(n: number, style: '栋' | '号楼'): string {
  return `${n}${style}`
}

/** 1 → 一 … 10 → 十, then Arabic digits: hospitals and phases are numbered in characters while they can be. */
function numeral(n: number): string {
  return CHINESE_NUMERALS[n - 1] ?? String(n)
}
