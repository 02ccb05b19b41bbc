/** Temporary JSON files for tests of the registry files (USERS_FILE, UNITS_FILE, CAMERAS_FILE). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** `write` puts content (JSON, or text as it is) in a fresh file and returns its path; `remove` deletes them all. */
export function jsonFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `gridwatch-${prefix}-`))
  let n = 0
  return {
    dir,
    write(content: unknown): string {
      const file = join(dir, `${prefix}-${n++}.json`)
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
      return file
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
