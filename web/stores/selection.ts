/**
 * The event open in the detail drawer: its id, and the full event as `GET /api/v1/events/:id`
 * returns it (masked by the server like every other read). A feed row or a map marker opens it;
 * Esc or × closes it.
 */
import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import type { StoredEvent } from '../../domain/event.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useAuthStore } from './auth.ts'

export type DetailStatus = 'idle' | 'loading' | 'ready' | 'error'

export const useSelectionStore = defineStore('selection', () => {
  const auth = useAuthStore()
  /** The selected event's id; null while the drawer is closed. */
  const selectedId = shallowRef<string | null>(null)
  /** The full event once loaded (or the feed's copy while it loads); null before either. */
  const event = shallowRef<StoredEvent | null>(null)
  /** Where loading the full event stands. */
  const status = shallowRef<DetailStatus>('idle')
  /** Why loading failed, for the drawer to say; null otherwise. */
  const error = shallowRef<{ status: number; message: string } | null>(null)

  let controller: AbortController | null = null

  async function load(id: string): Promise<void> {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    status.value = 'loading'
    error.value = null
    try {
      const full = await requestJson<StoredEvent>(`/api/v1/events/${encodeURIComponent(id)}`, { token: auth.token, signal: mine.signal })
      if (controller !== mine) return
      event.value = full
      status.value = 'ready'
    } catch (err) {
      if (controller !== mine || (err instanceof DOMException && err.name === 'AbortError')) return
      if (err instanceof ApiError && err.status === 401) auth.logout()
      error.value = err instanceof ApiError ? { status: err.status, message: err.message } : { status: 0, message: String(err) }
      status.value = 'error'
    }
  }

  /**
   * Opens the drawer on an event. `preview` (the feed's copy) is shown at once so the drawer never
   * opens empty; the full event replaces it when it arrives.
   */
  function open(id: string, preview?: StoredEvent): void {
    selectedId.value = id
    event.value = preview && preview.id === id ? preview : null
    void load(id)
  }

  function close(): void {
    controller?.abort()
    controller = null
    selectedId.value = null
    event.value = null
    status.value = 'idle'
    error.value = null
  }

  function reload(): void {
    if (selectedId.value) void load(selectedId.value)
  }

  // Another user may not be allowed to see it.
  watch(() => auth.token, close)

  return { selectedId, event, status, error, open, close, reload }
})
