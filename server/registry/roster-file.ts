/**
 * A district's own registry file (`USERS_FILE`, `UNITS_FILE`, `CAMERAS_FILE`): a JSON array checked against its
 * schema, then each entry against the district by the caller. Every problem is named at once, with
 * the entry it is in, so a file is fixed in one go rather than one error per restart; a bad file
 * stops the start with that message (a ConfigError, which the server prints without a stack).
 */
import { readFileSync } from 'node:fs'
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { ConfigError } from '../config.ts'

/** At most this many problems are listed; a file with more has a systematic fault the first ones show. */
const MAX_PROBLEMS = 20

/** Throws `<VARIABLE> <file>: <problem>; …` when there are any problems. */
export function refuseProblems(variable: string, file: string, problems: readonly string[]): void {
  if (problems.length === 0) return
  const shown = problems.slice(0, MAX_PROBLEMS)
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : ''
  throw new ConfigError(`${variable} ${file}: ${shown.join('; ')}${more}`)
}

/**
 * The file's entries, each matching `entry`; throws naming the variable, the file and what is wrong.
 *
 * @example
 * readEntries('UNITS_FILE', '/etc/gridwatch/units.json', RosterEntry) // [{ id: 'GW-001', … }, …]
 */
export function readEntries<T extends TSchema>(variable: string, file: string, entry: T): Array<Static<T>> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ConfigError(`${variable} ${file}: ${(err as Error).message}`)
  }
  const schema = Type.Array(entry)
  if (!Value.Check(schema, parsed)) {
    const problems: string[] = []
    for (const e of Value.Errors(schema, parsed)) {
      problems.push(`${e.path || '/'}: ${e.message}`)
      if (problems.length >= MAX_PROBLEMS) break
    }
    refuseProblems(variable, file, problems)
  }
  return parsed as Array<Static<T>>
}

/** `[i] id 'x' appears twice` for each repeated key (`what` names it: an id, a username). */
export function repeatedIds(keys: readonly string[], what = 'id'): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  keys.forEach((k, i) => {
    if (seen.has(k)) out.push(`[${i}] ${what} '${k}' appears twice`)
    seen.add(k)
  })
  return out
}
