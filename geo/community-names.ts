/**
 * Seeded community (社区) names in the style of Chengdu's: a two-character place word, often with a
 * road, bridge or field suffix, then 社区 — 建设路社区, 跳蹬河社区, 万年场社区, 东篱社区.
 */
import type { Random } from './seeded-random.ts'

/** Two-character place words of the kind Chengdu's communities are named after. */
const WORDS = [
  '建设', '跳蹬', '双桥', '府青', '二仙', '万年', '桃蹊', '杉板', '驷马', '玉双', '新鸿', '东虹', '踏水', '麻柳',
  '八里', '李家', '东篱', '天鹅', '高车', '和平', '新华', '东风', '红星', '锦绣', '水碾', '崔家', '槐树', '杨柳',
  '金桂', '银杏', '双林', '石岭', '同仁', '光荣', '胜利', '民兴', '昭觉', '五桂', '沙河', '望平', '致民', '牛王',
  '九里', '多宝', '泉水', '红花', '长青', '龙舟', '白马', '青杠', '猛追', '下涧', '华林', '秀苑', '电子', '星辉',
]
/** First and second characters for combined words (东林, 新安, 金福 …). */
const FIRST = [...'东西南北新双金玉锦华和建青龙桃杉万八石圣保白红桂槐杨高天五九沙府望同民光胜多泉长星秀福康']
const SECOND = [...'风林华平安兴福祥阳江溪桂山河和丰盛康宁源泰荣庄塘堰柳桥湾坪园苑光明新城家']
/** Suffixes, weighted: most are roads (路); many names have none (东篱社区). */
const SUFFIXES = [
  { value: '路', weight: 8 },
  { value: '', weight: 5 },
  { value: '桥', weight: 2 },
  { value: '街', weight: 2 },
  { value: '河', weight: 1 },
  { value: '湾', weight: 1 },
  { value: '坝', weight: 1 },
  { value: '场', weight: 1 },
  { value: '坡', weight: 1 },
  { value: '巷', weight: 1 },
  { value: '苑', weight: 1 },
  { value: '村', weight: 1 },
]
const MAX_TRIES = 1000

/**
 * One new `…社区` name from `rng`, not in `taken` (which it then joins). Half the names use a curated
 * place word, the rest combine two characters; a suffix is added unless the word already ends in one.
 *
 * @example
 * const taken = new Set<string>()
 * communityName(createRandom('x'), taken) // e.g. '桃蹊路社区'
 */
export function communityName(rng: Random, taken: Set<string>): string {
  for (let i = 0; i < MAX_TRIES; i++) {
    let word = rng.next() < 0.5 ? rng.pick(WORDS) : rng.pick(FIRST) + rng.pick(SECOND)
    if (word[0] === word[1]) continue
    const suffix = rng.weighted(SUFFIXES)
    if (suffix !== '' && !word.endsWith(suffix) && !'桥湾坪园苑城家庄塘堰'.includes(word[1] as string)) word += suffix
    const name = `${word}社区`
    if (!taken.has(name)) {
      taken.add(name)
      return name
    }
  }
  throw new RangeError(`no unused community name left after ${MAX_TRIES} tries`)
}
