/**
 * The post's notice of new early warnings (风险预警) for its street: each flags the queue's counter
 * and its row in the 风险态势 section until someone acknowledges them. No sound of its own: the
 * post's beep means a severe case waiting to be opened, and a warning asks for attention, not a
 * dispatch within minutes.
 */
import { computed, shallowRef, watch, type Ref } from 'vue'
import { noticeNewWarnings, type WarningTracker } from '../post/new-risk-warnings.ts'
import { streetWarnings } from '../post/street-risk.ts'
import { useRiskStore } from '../stores/risk.ts'

export function usePostRiskNotice(street: Ref<string | null>) {
  const risk = useRiskStore()
  /** Warnings for the street that arrived while the page watched and nobody acknowledged yet. */
  const fresh = shallowRef<ReadonlySet<string>>(new Set())

  let tracker: WarningTracker = { seen: null }
  let trackedStreet: string | null = null

  // Null until the first frame: an empty list before it would count as "nothing there yet", and
  // every warning of the first frame would then be news.
  const warnings = computed(() => (risk.available && street.value ? streetWarnings(risk.warnings, street.value) : null))

  watch(
    [street, warnings] as const,
    ([id, list]) => {
      // One watcher for both, so another street's list is never compared with this street's record.
      if (id !== trackedStreet) {
        trackedStreet = id
        tracker = { seen: null }
        fresh.value = new Set()
      }
      if (list === null) return
      const { fresh: added, tracker: next } = noticeNewWarnings(tracker, list)
      tracker = next
      const held = new Set(list.map((w) => w.id))
      const still = [...fresh.value].filter((w) => held.has(w))
      if (added.length === 0 && still.length === fresh.value.size) return
      fresh.value = new Set([...still, ...added])
    },
    { immediate: true },
  )

  function acknowledgeAll(): void {
    fresh.value = new Set()
  }

  return { fresh, acknowledgeAll }
}
