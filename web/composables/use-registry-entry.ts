/**
 * One registry entry (a sensor, a camera) for the drawer, fetched when the id it shows changes. The
 * event's own attrs are shown meanwhile; if the registry does not answer (a device since removed, a
 * network blip) they are all there is. An answer for an id no longer shown is dropped.
 */
import { shallowRef, watch, type ShallowRef } from 'vue'
import { requestJson } from '../http/request-json.ts'
import { useAuthStore } from '../stores/auth.ts'

export function useRegistryEntry<T>(path: (id: string) => string, id: () => string | null, parse: (body: unknown) => T | null): ShallowRef<T | null> {
  const auth = useAuthStore()
  const entry = shallowRef<T | null>(null)
  let generation = 0

  watch(
    id,
    async (current) => {
      const gen = ++generation
      entry.value = null
      if (!current) return
      try {
        const body = await requestJson<unknown>(path(encodeURIComponent(current)), { token: auth.token })
        if (gen === generation) entry.value = parse(body)
      } catch {
        // Not in the registry, or no answer: the event's attrs stand alone.
      }
    },
    { immediate: true },
  )

  return entry
}
