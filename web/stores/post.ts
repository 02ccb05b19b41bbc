/**
 * A street command post's working set (`/post/:streetId`): the street's open cases, those resolved
 * and waiting for a return visit or closing, and the case open in the detail pane, loaded over HTTP;
 * reloaded when the socket says the street changed (use-post-live.ts), after each action, and every
 * 15 s. Its units are the live units store's (kept by `units` frames), filtered to the street.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Case, CaseAction, CaseActionName, CaseAuditEntry } from '../../domain/cases.ts'
import type { StoredEvent } from '../../domain/event.ts'
import type { Unit } from '../../domain/units.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useFollowedLoad } from '../http/followed-load.ts'
import { useAuthStore } from './auth.ts'
import { useUnitsStore } from './units.ts'

/** `GET /api/v1/cases/:id`: the case with its latest events, whether a 12345 caller is among all of them, and its audit log. */
export type CaseDetail = Case & { events: StoredEvent[]; hotline: boolean; audit: CaseAuditEntry[] }

export interface ActionRefusal {
  action: CaseActionName
  status: number
  message: string
}

const RESOLVED_SHOWN = 50

export const usePostStore = defineStore('post', () => {
  const auth = useAuthStore()
  /** The street this post watches; null until the route names one. */
  const streetId = ref<string | null>(null)
  /** The street's open cases as last loaded (any order; the queue ranks them). */
  const cases = shallowRef<Case[]>([])
  /** Resolved cases still owed a return visit or closing, most recently updated first. */
  const resolved = shallowRef<Case[]>([])
  const liveUnits = useUnitsStore()
  /** The street's units as they move; null when the server has no units API (404), so the picker can say so. */
  const units = computed<Unit[] | null>(() =>
    liveUnits.available ? [...liveUnits.byId.values()].filter((u) => u.home.street === streetId.value) : null,
  )
  /** The case open in the detail pane; null when none is. */
  const selectedId = ref<string | null>(null)
  /** The selected case in full, once loaded. */
  const detail = shallowRef<CaseDetail | null>(null)
  /** Why loading the selected case failed; null otherwise. */
  const detailError = shallowRef<{ status: number; message: string } | null>(null)
  /** The action being sent; null when none is in flight. */
  const acting = ref<CaseActionName | null>(null)
  /** The server's refusal of the last action, shown until the next one or another case is opened. */
  const refusal = shallowRef<ActionRefusal | null>(null)

  const token = () => auth.token

  const { status, follow, reload, stop } = useFollowedLoad({
    refreshMs: 15_000,
    maxDelayMs: 30_000,
    onUnauthorized: () => auth.logout(),
    load: async (isCurrent) => {
      const street = streetId.value
      if (!street) return
      const [open, done] = await Promise.all([
        requestJson<{ cases: Case[] }>(`/api/v1/cases?status=open&street=${street}&limit=1000`, { token: token() }),
        requestJson<{ cases: Case[] }>(`/api/v1/cases?status=resolved&street=${street}&limit=${RESOLVED_SHOWN}`, { token: token() }),
      ])
      if (!isCurrent()) return
      cases.value = open.cases
      resolved.value = done.cases
      if (selectedId.value) void loadDetail(selectedId.value)
    },
  })

  let detailController: AbortController | null = null

  async function loadDetail(id: string): Promise<void> {
    detailController?.abort()
    const mine = new AbortController()
    detailController = mine
    try {
      const full = await requestJson<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, { token: token(), signal: mine.signal })
      if (detailController !== mine || selectedId.value !== id) return
      detail.value = full
      detailError.value = null
    } catch (err) {
      if (detailController !== mine || (err instanceof DOMException && err.name === 'AbortError')) return
      if (err instanceof ApiError && err.status === 401) auth.logout()
      detailError.value = err instanceof ApiError ? { status: err.status, message: err.message } : { status: 0, message: String(err) }
    }
  }

  /** Watches a street: forgets the previous one's cases and loads this one's. */
  function watchStreet(id: string): void {
    if (streetId.value === id && status.value !== 'idle') return
    streetId.value = id
    cases.value = []
    resolved.value = []
    select(null)
    // Restart at once (a plain follow() would keep a finished load's status and wait for the timer).
    reload()
    follow()
  }

  /** Opens a case in the detail pane (null closes it). */
  function select(id: string | null): void {
    if (selectedId.value === id) return
    selectedId.value = id
    refusal.value = null
    detailError.value = null
    if (!id) {
      detailController?.abort()
      detail.value = null
      return
    }
    // Show what the queue already knows at once; events and audit follow.
    const known = [...cases.value, ...resolved.value].find((c) => c.id === id)
    detail.value = known ? { ...known, events: [], hotline: known.source === 'hotline', audit: [] } : null
    void loadDetail(id)
  }

  /** Sends an action on the selected case; resolves true when the server took it. */
  async function act(body: CaseAction): Promise<boolean> {
    const id = selectedId.value
    if (!id || acting.value) return false
    acting.value = body.action
    refusal.value = null
    try {
      const updated = await requestJson<Case>(`/api/v1/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body, token: token() })
      if (selectedId.value === id && detail.value) detail.value = { ...detail.value, ...updated }
      reload()
      return true
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) auth.logout()
      // A 409 means the case moved under us (another post, the engine's SLA clock): show where it is now.
      if (err instanceof ApiError && err.status === 409) reload()
      refusal.value = {
        action: body.action,
        status: err instanceof ApiError ? err.status : 0,
        message: err instanceof Error ? err.message : String(err),
      }
      return false
    } finally {
      acting.value = null
    }
  }

  function leave(): void {
    stop()
    select(null)
    streetId.value = null
  }

  return {
    streetId, cases, resolved, units, selectedId, detail, detailError, acting, refusal, status,
    watchStreet, select, act, reload, leave,
  }
})
