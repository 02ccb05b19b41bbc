/**
 * The situation briefing shown on `/briefing`: one `GET /api/v1/briefings/{kind}?date=&street=` per
 * period asked for. A newer request cancels an older one still in flight, so stepping quickly
 * through days never leaves an older day on screen. A period still running is read again every few
 * minutes, so its "as of" time and figures move on while a leader has it open.
 */
import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { Briefing } from '../../domain/briefing.ts'
import { briefingUrl, type BriefingRequest } from '../briefing/briefing-period.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useAuthStore } from './auth.ts'

export type BriefingStatus = 'idle' | 'loading' | 'ready' | 'error'

/** A running period is read again this often (the server keeps a running briefing 30 s). */
const RUNNING_REFRESH_MS = 5 * 60_000

export const useBriefingStore = defineStore('briefing', () => {
  const auth = useAuthStore()
  /** The period asked for last. */
  const request = shallowRef<BriefingRequest | null>(null)
  /** The briefing last loaded; it stays shown, dimmed, while the next one loads. */
  const briefing = shallowRef<Briefing | null>(null)
  /** Where the latest request stands. */
  const status = shallowRef<BriefingStatus>('idle')
  /** Why the latest request failed: the HTTP status (0 when the server could not be reached) and message. */
  const error = shallowRef<{ status: number; message: string } | null>(null)

  let controller: AbortController | null = null
  let refresh: ReturnType<typeof setTimeout> | undefined

  async function load(next: BriefingRequest): Promise<void> {
    controller?.abort()
    clearTimeout(refresh)
    const mine = new AbortController()
    controller = mine
    request.value = next
    status.value = 'loading'
    error.value = null
    try {
      const reply = await requestJson<Briefing>(briefingUrl(next), { token: auth.token, signal: mine.signal })
      if (controller !== mine) return
      briefing.value = reply
      status.value = 'ready'
      if (!reply.complete) refresh = setTimeout(() => void load(next), RUNNING_REFRESH_MS)
    } catch (err) {
      if (controller !== mine) return
      if (err instanceof ApiError && err.status === 401) {
        status.value = 'idle'
        auth.logout()
        return
      }
      error.value = { status: err instanceof ApiError ? err.status : 0, message: err instanceof Error ? err.message : String(err) }
      status.value = 'error'
    }
  }

  /** Loads the period asked for last again. */
  function reload(): void {
    if (request.value) void load(request.value)
  }

  /** Cancels a load in flight and the running period's refresh (the page is left). */
  function stop(): void {
    controller?.abort()
    controller = null
    clearTimeout(refresh)
    if (status.value === 'loading') status.value = 'idle'
  }

  // Another user's briefing must never show after a sign-out and sign-in.
  watch(() => auth.token, () => {
    stop()
    briefing.value = null
    request.value = null
    status.value = 'idle'
  })

  return { request, briefing, status, error, load, reload, stop }
})
