/**
 * A process's CPU time, all its threads together, from `/proc/<pid>/stat` (Linux). Requests per
 * second follow this machine's speed, which drifts by half within a minute; CPU time per request
 * drifts far less, so it is the steadier figure to set beside the peer's.
 */
import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/** CPU seconds (user + system) in a `/proc` `stat` file (a process's, or a thread's under `task/`); NaN when it cannot be read. */
export function statCpuSeconds(file: string): number {
  try {
    const stat = readFileSync(file, 'utf8')
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
  } catch {
    return NaN
  }
}

/** CPU seconds (user + system) the process has used, or NaN where /proc cannot say. */
export function processCpuSeconds(pid: number | undefined): number {
  return pid === undefined ? NaN : statCpuSeconds(`/proc/${pid}/stat`)
}
