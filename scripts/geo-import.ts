/**
 * `npm run geo:import -- --district <file> [--streets <file>] [--crs wgs84|gcj02|bd09] [--seed S]
 *   [--streets-count N] [--communities N] [--grids N] [--microgrids N] [--out FILE]`
 *
 * Reads a real district outline (and optionally its streets) as GeoJSON, converts it to WGS-84, generates
 * the missing tiers inside it (geo/import-boundaries.ts) and writes the resulting `FullHierarchy` as one
 * JSON object to `--out` (default `./data/hierarchy.json`):
 * `{ seed, district, streets, communities, grids, microgrids }`, each tier an array of GeoJSON Features
 * with `NodeProps`, in id order. Exits 2 with the message on bad arguments or bad input.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { area } from '@turf/turf'
import { BOUNDARY_CRS, importBoundaries, type BoundaryCrs, type ImportCounts } from '../geo/import-boundaries.ts'
import type { FullHierarchy, TierFeature } from '../geo/generate-hierarchy.ts'

const USAGE = `usage: npm run geo:import -- --district <file> [--streets <file>] [--crs ${BOUNDARY_CRS.join('|')}] [--seed S]
       [--streets-count N] [--communities N] [--grids N] [--microgrids N] [--out FILE]
defaults: --crs wgs84 --seed gridwatch, 11 / 83 / 995 / 6283, --out ./data/hierarchy.json`

/** Bad arguments or bad input: exit 2 with the message. */
class InputError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`geo:import: ${message}\n`)
  process.exit(code)
}

function readGeoJson(what: string, file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new InputError(`cannot read ${what} file ${file}: ${(err as Error).message}`)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    throw new InputError(`${what} file ${file} is not GeoJSON: it is not valid JSON (${(err as Error).message})`)
  }
}

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InputError(`--${name} must be a positive integer (got ${value})`)
  return n
}

function km2(m2: number): string {
  return (m2 / 1e6).toFixed(3)
}

function tierLine(name: string, features: readonly TierFeature[], parentAreaM2: number): string {
  const areas = features.map((f) => area(f)).sort((a, b) => a - b)
  const sum = areas.reduce((s, a) => s + a, 0)
  const median = areas[Math.floor(areas.length / 2)] ?? 0
  const error = ((sum / parentAreaM2 - 1) * 100).toExponential(1)
  return `  ${name.padEnd(12)} ${String(features.length).padStart(6)}  area ${km2(sum)} km² (Σ vs district ${error}%)  min ${km2(areas[0] ?? 0)} / median ${km2(median)} / max ${km2(areas[areas.length - 1] ?? 0)} km²`
}

function main(): void {
  let values: Record<string, string | undefined>
  try {
    const parsed = parseArgs({
      options: {
        district: { type: 'string' },
        streets: { type: 'string' },
        crs: { type: 'string', default: 'wgs84' },
        seed: { type: 'string', default: 'gridwatch' },
        'streets-count': { type: 'string' },
        communities: { type: 'string' },
        grids: { type: 'string' },
        microgrids: { type: 'string' },
        out: { type: 'string', default: './data/hierarchy.json' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    })
    if (parsed.values.help) {
      process.stdout.write(`${USAGE}\n`)
      return
    }
    values = parsed.values as unknown as Record<string, string | undefined>
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`, 2)
  }

  const started = Date.now()
  let h: FullHierarchy
  try {
    if (values.district === undefined) throw new InputError(`--district <file> is required\n${USAGE}`)
    const crs = values.crs as BoundaryCrs
    if (!(BOUNDARY_CRS as readonly string[]).includes(crs)) throw new InputError(`--crs must be one of ${BOUNDARY_CRS.join(', ')} (got ${crs})`)
    const counts: Partial<ImportCounts> = {}
    for (const [key, flag] of [['streets', 'streets-count'], ['communities', 'communities'], ['grids', 'grids'], ['microgrids', 'microgrids']] as const) {
      const n = count(flag, values[flag])
      if (n !== undefined) counts[key] = n
    }
    const district = readGeoJson('district', values.district)
    const streets = values.streets === undefined ? undefined : readGeoJson('streets', values.streets)
    process.stdout.write(`geo:import: ${values.district}${values.streets ? ` + ${values.streets}` : ''} (${crs} → WGS-84), seed ${values.seed}\n`)
    h = importBoundaries({
      district,
      streets,
      crs,
      seed: values.seed as string,
      counts,
      onProgress: (p) => process.stdout.write(`  ${p.tier.padEnd(30)} ${String(p.count).padStart(6)} ${p.source.padEnd(9)} ${p.ms} ms\n`),
    })
  } catch (err) {
    // Everything importBoundaries rejects is a TypeError or RangeError naming the bad input.
    if (err instanceof InputError || err instanceof TypeError || err instanceof RangeError) fail((err as Error).message, 2)
    throw err
  }

  const out = resolve(values.out as string)
  mkdirSync(dirname(out), { recursive: true })
  const json = JSON.stringify(h)
  // Write then rename, so a server reading the file never sees half of it.
  writeFileSync(`${out}.tmp`, json)
  renameSync(`${out}.tmp`, out)

  const districtM2 = area(h.district)
  const coverage = h.streets.reduce((sum, f) => sum + area(f), 0) / districtM2
  if (Math.abs(coverage - 1) > 1e-3) {
    process.stderr.write(`geo:import: warning: the streets cover ${(coverage * 100).toFixed(2)}% of the district (lower tiers tile the streets, not the district)\n`)
  }
  process.stdout.write(
    [
      `geo:import: ${h.district.properties.id} ${h.district.properties.name}, ${km2(districtM2)} km², ${h.district.geometry.coordinates[0]?.length ?? 0} outline vertices`,
      tierLine('streets', h.streets, districtM2),
      tierLine('communities', h.communities, districtM2),
      tierLine('grids', h.grids, districtM2),
      tierLine('microgrids', h.microgrids, districtM2),
      `wrote ${out} (${(json.length / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`,
      '',
    ].join('\n'),
  )
}

main()
