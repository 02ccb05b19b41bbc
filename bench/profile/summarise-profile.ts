/** Self and inclusive time per function of a `.cpuprofile` (V8's format: nodes, samples, timeDeltas). */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** `skipMs`: samples in the first this many ms (the boot) are left out. */

export function summariseProfile(file: string, top = 40, skipMs = 0): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const selfUs = new Map<number, number>()
  let elapsedUs = 0
  p.samples.forEach((id, i) => {
    elapsedUs += p.timeDeltas[i] ?? 0
    if (elapsedUs >= skipMs * 1000) selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0))
  })
  const name = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^.*\/(node_modules\/)?/, (m) => (m.includes('node_modules') ? 'nm:' : ''))
    return `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber + 1}`
  }
  const self = new Map<string, number>()
  const incl = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!
    total += us
    if (n.callFrame.functionName === '(idle)') idle += us
    self.set(name(n), (self.get(name(n)) ?? 0) + us)
    // Inclusive: each distinct function on the stack once.
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!)
      if (seen.has(k)) continue
      seen.add(k)
      incl.set(k, (incl.get(k) ?? 0) + us)
    }
  }
  const busy = total - idle
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`
  const list = (m: Map<string, number>) => [...m].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)'))
    .sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${pct(us)} ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n')
  return `busy ${(busy / 1000).toFixed(0)} ms (idle ${(idle / 1000).toFixed(0)} ms); % of busy\n\n== self ==\n${list(self)}\n\n== inclusive ==\n${list(incl)}\n`
}
