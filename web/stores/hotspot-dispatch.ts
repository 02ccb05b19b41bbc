/**
 * Sending automatic hotspots to their departments in one click (`POST /api/v1/hotspots/:id/dispatch`),
 * on the wall and at the post: what is in flight, the case each one sent became (with its department,
 * which only the server's routing knows), and the server's refusals. Cases of hotspots sent earlier,
 * or by someone else, are looked up on demand to name their department too.
 */
import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { Case } from '../../domain/cases.ts'
import type { AnyHotspot } from '../../domain/hotspots.ts'
import { dispatchRefusal, type DispatchRefusal } from '../hotspots/dispatch-refusal.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useAuthStore } from './auth.ts'
import { useHotspotsStore } from './hotspots.ts'

export const useHotspotDispatchStore = defineStore('hotspot-dispatch', () => {
  const auth = useAuthStore()
  const hotspots = useHotspotsStore()
  /** Hotspots whose sending is in flight. */
  const sending = shallowRef<ReadonlySet<string>>(new Set())
  /** The server's refusal of each hotspot's last send, until it is tried again. */
  const refusals = shallowRef<ReadonlyMap<string, DispatchRefusal>>(new Map())
  /** Topic cases by id: those this screen opened, and those looked up for a hotspot sent before. */
  const cases = shallowRef<ReadonlyMap<string, Case>>(new Map())

  const lookups = new Set<string>()

  const withEntry = <K, V>(m: ReadonlyMap<K, V>, k: K, v: V | null): ReadonlyMap<K, V> => {
    const next = new Map(m)
    if (v === null) next.delete(k)
    else next.set(k, v)
    return next
  }

  /** Sends a hotspot to its category's department; resolves with the case opened, or null when refused. */
  async function send(id: string): Promise<Case | null> {
    if (sending.value.has(id)) return null
    sending.value = new Set([...sending.value, id])
    refusals.value = withEntry(refusals.value, id, null)
    try {
      const reply = await requestJson<{ hotspot: AnyHotspot; case: Case }>(`/api/v1/hotspots/${encodeURIComponent(id)}/dispatch`, {
        method: 'POST',
        token: auth.token,
      })
      cases.value = withEntry(cases.value, reply.case.id, reply.case)
      hotspots.put(reply.hotspot)
      return reply.case
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) auth.logout()
      const refusal = err instanceof ApiError ? dispatchRefusal(err.status, err.message) : dispatchRefusal(-1, String(err))
      refusals.value = withEntry(refusals.value, id, refusal)
      // Sent by someone else meanwhile, or ended: the list is behind the server.
      if (refusal.kind === 'sent' || refusal.kind === 'gone') hotspots.reload()
      return null
    } finally {
      sending.value = new Set([...sending.value].filter((x) => x !== id))
    }
  }

  /** Looks up a topic case once (for its department), unless it is known; a failure is left unsaid. */
  function lookUp(caseId: string): void {
    if (cases.value.has(caseId) || lookups.has(caseId)) return
    lookups.add(caseId)
    requestJson<Case>(`/api/v1/cases/${encodeURIComponent(caseId)}`, { token: auth.token })
      .then((c) => {
        cases.value = withEntry(cases.value, c.id, c)
      })
      .catch(() => lookups.delete(caseId))
  }

  // Another user may not see the same hotspots or cases.
  watch(
    () => auth.token,
    () => {
      refusals.value = new Map()
      cases.value = new Map()
      lookups.clear()
    },
  )

  return { sending, refusals, cases, send, lookUp }
})
