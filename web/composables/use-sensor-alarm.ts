/**
 * The alarm behind a sensor event in the drawer, and the acknowledge / clear actions on it
 * (`POST /api/v1/alarms/:id/ack|clear`). Only alarm events have one; faults, offline and returns
 * to normal show their state and nothing to act on.
 */
import { shallowRef, watch } from 'vue'
import type { StoredEvent } from '../../domain/event.ts'
import { ALARM_STATUSES, alarmFromReply, alarmsFromReply, findAlarm, type AlarmRecord } from '../drawer/alarm-record.ts'
import { sensorDetail } from '../drawer/source-details.ts'
import { ApiError, requestJson } from '../http/request-json.ts'
import { useAuthStore } from '../stores/auth.ts'

export type AlarmAction = 'ack' | 'clear'

export function useSensorAlarm(event: () => StoredEvent | null) {
  const auth = useAuthStore()
  /** The alarm, once found; null for events without one or while loading. */
  const alarm = shallowRef<AlarmRecord | null>(null)
  /** Whether the alarm is being looked up. */
  const loading = shallowRef(false)
  /** Why the lookup failed; null otherwise. */
  const loadError = shallowRef<string | null>(null)
  /** The action in flight, if any. */
  const busy = shallowRef<AlarmAction | null>(null)
  /** Why the last action was refused (the server's message); null otherwise. */
  const actionError = shallowRef<string | null>(null)
  let generation = 0

  const list = async (query: string) =>
    alarmsFromReply(await requestJson<unknown>(`/api/v1/alarms${query}`, { token: auth.token }))

  async function load(): Promise<void> {
    const gen = ++generation
    const e = event()
    alarm.value = null
    loadError.value = null
    actionError.value = null
    if (!e || e.source !== 'sensor') return
    const d = sensorDetail(e.attrs)
    if (d.state !== 'alarm' && !d.alarmId) return
    const key = { alarmId: d.alarmId, eventId: e.id, sensorId: d.sensorId, type: e.category }
    loading.value = true
    try {
      // The plain list first; an alarm already cleared may only be listed under its status.
      let found = findAlarm(await list(''), key)
      if (!found) {
        const all = await Promise.all(ALARM_STATUSES.map((s) => list(`?status=${s}`)))
        found = findAlarm(all.flat(), key)
      }
      if (gen === generation) alarm.value = found
    } catch (err) {
      // A server without the alarm service (404) simply has no alarm to show.
      if (gen === generation && !(err instanceof ApiError && err.status === 404)) {
        loadError.value = err instanceof Error ? err.message : String(err)
      }
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  async function act(action: AlarmAction): Promise<void> {
    const current = alarm.value
    if (!current || busy.value) return
    busy.value = action
    actionError.value = null
    try {
      const reply = await requestJson<unknown>(`/api/v1/alarms/${encodeURIComponent(current.id)}/${action}`, {
        method: 'POST',
        token: auth.token,
      })
      const updated = alarmFromReply(reply)
      if (updated) alarm.value = updated
      else await load()
    } catch (err) {
      actionError.value = err instanceof ApiError ? `${err.status}: ${err.message}` : String(err)
    } finally {
      busy.value = null
    }
  }

  watch(() => event()?.id, () => void load(), { immediate: true })

  return { alarm, loading, loadError, busy, actionError, act, reload: load }
}
