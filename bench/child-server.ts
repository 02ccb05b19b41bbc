/** Runs a bench server in its own process (so load and server do not share one event loop). */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface ChildServer {
  url: string
  proc: ChildProcess
  stop(): Promise<void>
}

export function startChildServer(script: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const file = fileURLToPath(new URL(`./servers/${script}`, import.meta.url))
  const proc = spawn(process.execPath, ['--import', 'tsx', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
    proc.stdout!.once('data', (d: Buffer) => {
      const { port } = JSON.parse(d.toString().split('\n')[0]!) as { port: number }
      resolve({
        url: `http://127.0.0.1:${port}`,
        proc,
        stop: () => new Promise((done) => {
          proc.removeAllListeners('exit')
          proc.once('exit', () => done())
          proc.kill('SIGTERM')
        }),
      })
    })
  })
}
