/** Runs a bench server in its own process (so load and server do not share one event loop). */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface ChildServer {
  url: string
  proc: ChildProcess
  /** The child's memory after a full GC (`servers/memory-probe.ts`; the child needs `--expose-gc`). */
  memory(): Promise<NodeJS.MemoryUsage>
  stop(): Promise<void>
}

/** The port a `{"port": …}` line names; undefined for any other line, JSON or not. */
function portOf(line: string): number | undefined {
  try {
    const port = (JSON.parse(line) as { port?: unknown } | null)?.port
    return typeof port === 'number' ? port : undefined
  } catch {
    return undefined
  }
}

/**
 * Starts `servers/<script>` and resolves once it prints `{"port": …}`. Other lines the app writes to
 * stdout before that (a warning that the web app is not built, say, JSON or not) go on to stderr.
 */
export function startChildServer(script: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ChildServer> {
  const file = fileURLToPath(new URL(`./servers/${script}`, import.meta.url))
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
    const lines = createInterface({ input: proc.stdout! })
    lines.on('line', (line) => {
      const port = portOf(line)
      if (port === undefined) {
        process.stderr.write(`${line}\n`)
        return
      }
      lines.removeAllListeners('line')
      // Keep draining stdout so the child never blocks on a full pipe.
      lines.on('line', () => {})
      resolve({
        url: `http://127.0.0.1:${port}`,
        proc,
        memory: () => askMemory(proc),
        stop: () => new Promise((done) => {
          proc.removeAllListeners('exit')
          proc.once('exit', () => done())
          proc.kill('SIGTERM')
        }),
      })
    })
  })
}

/** Asks the child for its memory after a full GC: one IPC round trip (see `servers/memory-probe.ts`). */
function askMemory(proc: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.off('message', answer)
      reject(new Error('the child server did not answer the memory probe (is servers/memory-probe.ts installed?)'))
    }, 30_000)
    const answer = (msg: unknown) => {
      const memory = (msg as { memory?: NodeJS.MemoryUsage } | null)?.memory
      if (!memory) return
      clearTimeout(timer)
      proc.off('message', answer)
      resolve(memory)
    }
    proc.on('message', answer)
    proc.send('memory')
  })
}
