/**
 * The replay's events (`GET /api/v1/replay/events`) for one range, decoded once for the player
 * (replay/decode-replay.ts), with running tallies so the counters at any replayed moment cost a
 * lookup rather than a count of the day. No retry loop as on the wall: a person is at this screen,
 * and a failed load says so with a button to try again.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { SEVERITIES, SOURCES } from '../../domain/event.ts'
import type { ReplayReply } from '../../domain/replay.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { decodeReplay, type ReplayData } from '../replay/decode-replay.ts'
import type { TimeRange } from '../replay/replay-ranges.ts'
import { createTally, type Tally } from '../replay/running-tally.ts'
import { useAuthStore } from './auth.ts'

export type ReplayStatus = 'idle' | 'loading' | 'ready' | 'error'

export const useReplayStore = defineStore('replay', () => {
  /** The range last asked for; null before the first load. */
  const range = shallowRef<TimeRange | null>(null)
  /** Where the load of `range` stands. */
  const status = shallowRef<ReplayStatus>('idle')
  /** Why the last load failed, in the server's words where it gave any. */
  const error = shallowRef<string | null>(null)
  /** The range's events, decoded; null until loaded. */
  const data = shallowRef<ReplayData | null>(null)
  /** Counts up to any event, by source (`SOURCES` order), severity (rank) and street (`data.streets` order). */
  const tallies = computed<{ source: Tally; severity: Tally; street: Tally } | null>(() => {
    const d = data.value
    if (!d) return null
    return { source: createTally(d.source, SOURCES.length), severity: createTally(d.severity, SEVERITIES.length), street: createTally(d.street, d.streets.length) }
  })

  let controller: AbortController | null = null

  /** Loads `r`, dropping any load still in flight; the previous range's events stay until this one arrives. */
  async function load(r: TimeRange): Promise<void> {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    range.value = r
    status.value = 'loading'
    error.value = null
    const auth = useAuthStore()
    const query = new URLSearchParams({ from: new Date(r.from).toISOString(), until: new Date(r.until).toISOString() })
    try {
      const reply = await requestJson<ReplayReply>(`/api/v1/replay/events?${query}`, { token: auth.token, signal: mine.signal })
      const decoded = decodeReplay(reply)
      if (controller !== mine) return
      data.value = decoded
      status.value = 'ready'
    } catch (err) {
      if (controller !== mine) return
      if (err instanceof ApiError && err.status === 401) {
        auth.logout()
        return
      }
      status.value = 'error'
      error.value = err instanceof Error ? err.message : String(err)
    }
  }

  /** Leaving the page: stops a load in flight and lets the day's arrays go. */
  function stop(): void {
    controller?.abort()
    controller = null
    range.value = null
    data.value = null
    error.value = null
    status.value = 'idle'
  }

  return { range, status, error, data, tallies, load, stop }
})
