/**
 * A few events by id, for as long as a component shows them: the live feed's copies where it still
 * holds them, else each loaded once with `GET /api/v1/events/:id` (masked like every read). Those the
 * server refuses or lost are left out.
 */
import { computed, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import type { StoredEvent } from '../../domain/event.ts'
import { requestJson } from '../http/request-json.ts'
import { useAuthStore } from '../stores/auth.ts'
import { useEventsStore } from '../stores/events.ts'

export function useEventsById(ids: Ref<readonly string[]>): ComputedRef<StoredEvent[]> {
  const auth = useAuthStore()
  const events = useEventsStore()
  const loaded = shallowRef<ReadonlyMap<string, StoredEvent>>(new Map())
  const asked = new Set<string>()

  const inFeed = computed(() => {
    const wanted = new Set(ids.value)
    return new Map(events.feed.filter((e) => wanted.has(e.id)).map((e) => [e.id, e]))
  })

  watch(
    ids,
    (list) => {
      for (const id of list) {
        if (inFeed.value.has(id) || loaded.value.has(id) || asked.has(id)) continue
        asked.add(id)
        requestJson<StoredEvent>(`/api/v1/events/${encodeURIComponent(id)}`, { token: auth.token })
          .then((e) => {
            loaded.value = new Map([...loaded.value, [id, e]])
          })
          .catch(() => {
            // Out of scope, or gone from the store: the list just shows fewer.
          })
      }
    },
    { immediate: true },
  )

  return computed(() => ids.value.flatMap((id) => {
    const e = inFeed.value.get(id) ?? loaded.value.get(id)
    return e ? [e] : []
  }))
}
