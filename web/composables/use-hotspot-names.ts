/**
 * Names for where automatic hotspots are: any loaded node's name by id. A cluster is named by its
 * community, whose boundaries the wall's map loads only when drilled down (and the post never), so
 * they are fetched once a cluster is listed.
 */
import { watch } from 'vue'
import { useGeoStore } from '../stores/geo.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'

export function useHotspotNames(): (id: string) => string | undefined {
  const geo = useGeoStore()
  const hotspots = useHotspotsStore()
  watch(
    () => hotspots.automatic.some((h) => h.type === 'cluster' && h.path.community !== null),
    (need) => {
      if (need) void geo.ensureTier('community')
    },
    { immediate: true },
  )
  return (id) => geo.nodeNames.get(id)
}
