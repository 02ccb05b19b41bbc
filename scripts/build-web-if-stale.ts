/**
 * Builds the web app when `dist/web` is missing or older than its sources, so `npm start` on a
 * fresh clone just works and later starts are not slowed by a rebuild.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const SOURCES = ['web', 'domain', 'vite.config.ts', 'package-lock.json']

function newestMtime(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

export async function buildWebIfStale(log: (line: string) => void = console.log): Promise<void> {
  const index = join(root, 'dist/web/index.html')
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0
  const sourcesAt = Math.max(...SOURCES.map((s) => join(root, s)).filter(existsSync).map(newestMtime))
  if (builtAt > sourcesAt) return
  log('Building the web app (first start or sources changed)…')
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })
}
