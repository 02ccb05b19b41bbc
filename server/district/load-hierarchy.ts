/**
 * Where the server's district comes from, in order:
 *
 * 1. an imported hierarchy (`npm run geo:import` writes `DATA_DIR/hierarchy.json`; `HIERARCHY_FILE`
 *    points elsewhere), so importing real boundaries and restarting is all it takes;
 * 2. the generation cache, `DATA_DIR/cache/hierarchy-<key>.json`, keyed by the seed and a hash of
 *    the geo module's source, so a changed generator never serves a stale city;
 * 3. generating it from the seed (progress logged per tier), then writing the cache.
 *
 * A corrupt cache is regenerated; a corrupt imported file stops the start, because silently
 * falling back to a generated district would put every event in the wrong place.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateDistrict, generateHierarchy, type FullHierarchy, type TierProgress } from '../../geo/index.ts'

export type HierarchyOrigin = 'imported' | 'cached' | 'generated'

export interface LoadedHierarchy {
  hierarchy: FullHierarchy
  origin: HierarchyOrigin
  /** The file it was read from or written to. */
  file: string
}

export interface LoadHierarchyOptions {
  dataDir: string
  seed: string
  /** An imported hierarchy to use; without it `DATA_DIR/hierarchy.json` is used when it exists. */
  importedFile?: string
  /** Progress lines for a first-run generation, and where the district came from. */
  log: (message: string, fields?: Record<string, unknown>) => void
}

const TIERS = ['streets', 'communities', 'grids', 'microgrids'] as const
const GEO_DIR = fileURLToPath(new URL('../../geo/', import.meta.url))

export function loadHierarchy({ dataDir, seed, importedFile, log }: LoadHierarchyOptions): LoadedHierarchy {
  const imported = importedFile ?? join(dataDir, 'hierarchy.json')
  if (importedFile !== undefined || existsSync(imported)) {
    const hierarchy = readImported(imported)
    log('district: using the imported hierarchy (remove the file to go back to the generated district)', { file: imported, ...countsOf(hierarchy) })
    return { hierarchy, origin: 'imported', file: imported }
  }

  const cacheDir = join(dataDir, 'cache')
  const file = join(cacheDir, `hierarchy-${cacheKey(seed)}.json`)
  if (existsSync(file)) {
    try {
      const hierarchy = JSON.parse(readFileSync(file, 'utf8')) as FullHierarchy
      assertFullHierarchy(hierarchy, file)
      return { hierarchy, origin: 'cached', file }
    } catch (err) {
      log('district: the cached hierarchy is unreadable; generating it again', { file, error: (err as Error).message })
    }
  }

  const started = performance.now()
  log('district: generating the hierarchy from the seed (first run only; the result is cached)', { seed })
  const district = generateDistrict({ seed })
  log(`district: streets ${district.streets.length}`, { ms: Math.round(performance.now() - started) })
  const hierarchy = generateHierarchy(district, undefined, (step: TierProgress) => log(`district: ${step.level} ${step.count}`, { ms: step.ms }))
  writeCache(cacheDir, file, hierarchy)
  log('district: generated and cached', { file, ms: Math.round(performance.now() - started) })
  return { hierarchy, origin: 'generated', file }
}

/**
 * The seed plus a digest of the generator's own source: any change to `geo/` gives a new key.
 *
 * @example
 * cacheKey('chenghua-510108') // 'c3f1…' (16 hex digits)
 */
export function cacheKey(seed: string): string {
  const hash = createHash('sha256').update(seed)
  for (const name of readdirSync(GEO_DIR).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) {
    hash.update(name).update(readFileSync(join(GEO_DIR, name)))
  }
  return hash.digest('hex').slice(0, 16)
}

function readImported(file: string): FullHierarchy {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`the imported hierarchy ${file} cannot be read: ${(err as Error).message}`)
  }
  assertFullHierarchy(parsed, file)
  return parsed
}

function assertFullHierarchy(h: unknown, file: string): asserts h is FullHierarchy {
  const candidate = h as Partial<Record<string, unknown>> | null
  if (candidate?.['district'] === undefined || (candidate['district'] as { type?: string }).type !== 'Feature') {
    throw new Error(`${file} is not a hierarchy: it has no district feature (write it with npm run geo:import)`)
  }
  for (const tier of TIERS) {
    const list = candidate[tier]
    if (!Array.isArray(list) || list.length === 0) throw new Error(`${file} is not a hierarchy: "${tier}" is missing or empty`)
  }
}

/** Written beside and renamed, so a crash mid-write never leaves half a cache; older keys are removed. */
function writeCache(dir: string, file: string, hierarchy: FullHierarchy): void {
  mkdirSync(dir, { recursive: true })
  for (const old of readdirSync(dir).filter((n) => n.startsWith('hierarchy-'))) rmSync(join(dir, old), { force: true })
  writeFileSync(`${file}.tmp`, JSON.stringify(hierarchy))
  renameSync(`${file}.tmp`, file)
}

function countsOf(h: FullHierarchy): Record<string, number> {
  return Object.fromEntries(TIERS.map((t) => [t, h[t].length]))
}
