/**
 * A set of documents kept current by the socket (cases, units): loaded over HTTP when the socket
 * (re)connects, then updated by frames. Frames that arrive while a load is in flight are applied at
 * once and again on top of the loaded list, so the load cannot roll back what a frame already said.
 * A 404 means this server does not offer the list (yet): the store stays empty and quiet instead of
 * retrying, until the next connect asks again.
 */
import { shallowRef, watch } from 'vue'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useRetryingLoad } from '../http/retrying-load.ts'
import { applyDocuments, type DocumentPolicy } from '../realtime/apply-documents.ts'
import { useAuthStore } from './auth.ts'

export function useLiveDocuments<T extends { id: string; updatedAt: string }>(opts: DocumentPolicy<T> & {
  url: string
  pick: (reply: unknown) => T[]
}) {
  const auth = useAuthStore()
  /** The documents in the user's scope by id; replaced, never mutated. */
  const byId = shallowRef<ReadonlyMap<string, T>>(new Map())
  /** False once the server answered 404: it does not offer this list. */
  const available = shallowRef(true)
  let inFlight: T[] | null = null

  const apply = (docs: readonly T[]) => {
    const next = applyDocuments(byId.value, docs, opts)
    if (next) byId.value = next
  }

  const { status, restart, stop } = useRetryingLoad({
    maxDelayMs: 30_000,
    load: async (isCurrent) => {
      const during: T[] = []
      inFlight = during
      try {
        const reply = await requestJson<unknown>(opts.url, { token: auth.token })
        if (!isCurrent()) return
        const loaded = new Map(opts.pick(reply).filter(opts.keep).map((d) => [d.id, d] as const))
        byId.value = applyDocuments(loaded, during, opts) ?? loaded
        available.value = true
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err
        if (!isCurrent()) return
        byId.value = new Map()
        available.value = false
      } finally {
        if (inFlight === during) inFlight = null
      }
    },
  })

  /** Loads the whole list again (on every socket connect: what was missed while away). */
  function resync(): void {
    restart()
  }

  function receive(docs: readonly T[]): void {
    inFlight?.push(...docs)
    apply(docs)
  }

  function reset(): void {
    stop()
    byId.value = new Map()
  }

  // Another user may see another scope.
  watch(() => auth.token, reset)

  return { byId, available, status, resync, receive, stop, reset }
}
