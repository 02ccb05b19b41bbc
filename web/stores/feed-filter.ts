/**
 * Which sources the live feed and the map's markers show. Kept in the URL (`?sources=…`) so a
 * wall's kiosk URL can pin it, and in localStorage so a restarted wall comes back with it even
 * when its URL was typed bare.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { Source, StoredEvent } from '../../domain/event.ts'
import {
  FILTER_QUERY_KEY, FILTER_STORAGE_KEY, initialSourceFilter, matchesSources, serializeSourceFilter, toggleSource,
} from '../feed/feed-filter.ts'
import { router } from '../router.ts'

function readStored(): string | null {
  try {
    return localStorage.getItem(FILTER_STORAGE_KEY)
  } catch {
    return null // storage disabled
  }
}

function writeStored(value: string): void {
  try {
    localStorage.setItem(FILTER_STORAGE_KEY, value)
  } catch {
    // Storage disabled: the URL still carries the choice.
  }
}

export const useFeedFilterStore = defineStore('feed-filter', () => {
  /** The sources shown, in the contract's order; empty is all of them (全部). */
  const selected = shallowRef<Source[]>(
    initialSourceFilter(new URLSearchParams(window.location.search).get(FILTER_QUERY_KEY), readStored()),
  )
  const isAll = computed(() => selected.value.length === 0)

  function set(next: Source[]): void {
    selected.value = next
    const text = serializeSourceFilter(next)
    writeStored(text)
    const route = router.currentRoute.value
    const query = { ...route.query }
    if (text) query[FILTER_QUERY_KEY] = text
    else delete query[FILTER_QUERY_KEY]
    void router.replace({ query })
  }

  function toggle(source: Source): void {
    set(toggleSource(selected.value, source))
  }

  function showAll(): void {
    set([])
  }

  function matches(event: Pick<StoredEvent, 'source'>): boolean {
    return matchesSources(event, selected.value)
  }

  return { selected, isAll, toggle, showAll, matches }
})
