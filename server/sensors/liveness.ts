/**
 * Which sensors are online: last heard-from times in memory (heartbeats arrive for tens of
 * thousands of sensors every minute, far too many to write one by one), flushed in batches. Only
 * sensors heard from at least once can go offline, so a registry of never-connected demo sensors does
 * not all go offline at boot. Pure apart from the clock the caller passes.
 */

export interface LivenessState {
  lastSeenMs: number
  offline: boolean
}

export interface Liveness {
  get(id: string): LivenessState | undefined
  /** Records a message from `id`; true when it was offline and is now back. */
  seen(id: string, nowMs: number): boolean
  /** Marks the sensors silent for longer than the limit offline; returns them, oldest first. */
  sweep(nowMs: number): Array<{ id: string; lastSeenMs: number }>
  /** Restores a flushed state. Silence is counted from `sinceMs` at the earliest: the server being down is not the sensor being silent. */
  load(id: string, state: LivenessState, sinceMs: number): void
  /** The states changed since the last call. */
  drainDirty(): Array<{ id: string } & LivenessState>
}

/**
 * @example
 * const l = createLiveness(180_000)
 * l.seen('SM-1', 0)     // false
 * l.sweep(180_001)      // [{ id: 'SM-1', lastSeenMs: 0 }]
 * l.seen('SM-1', 200_000) // true: back online
 */
export function createLiveness(offlineAfterMs: number): Liveness {
  const states = new Map<string, LivenessState & { since: number }>()
  const dirty = new Set<string>()
  return {
    get: (id) => {
      const s = states.get(id)
      return s ? { lastSeenMs: s.lastSeenMs, offline: s.offline } : undefined
    },
    seen(id, nowMs) {
      const s = states.get(id)
      dirty.add(id)
      if (!s) {
        states.set(id, { lastSeenMs: nowMs, offline: false, since: nowMs })
        return false
      }
      const back = s.offline
      s.lastSeenMs = Math.max(s.lastSeenMs, nowMs)
      s.since = Math.max(s.since, nowMs)
      s.offline = false
      return back
    },
    sweep(nowMs) {
      const gone: Array<{ id: string; lastSeenMs: number }> = []
      for (const [id, s] of states) {
        if (s.offline || nowMs - s.since <= offlineAfterMs) continue
        s.offline = true
        dirty.add(id)
        gone.push({ id, lastSeenMs: s.lastSeenMs })
      }
      return gone.sort((a, b) => a.lastSeenMs - b.lastSeenMs)
    },
    load(id, state, sinceMs) {
      states.set(id, { ...state, since: Math.max(state.lastSeenMs, sinceMs) })
    },
    drainDirty() {
      const out = [...dirty].flatMap((id) => {
        const s = states.get(id)
        return s ? [{ id, lastSeenMs: s.lastSeenMs, offline: s.offline }] : []
      })
      dirty.clear()
      return out
    },
  }
}
