/**
 * The open-case board in the wall's scope (`GET /api/v1/cases/board`): counts by tier, overdue and
 * escalated, and the most urgent cases. Loaded again shortly after events arrive (they open and join
 * cases) and every 30 s, since deadlines pass while nothing arrives.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { CaseBoard } from '../../domain/case-board.ts'
import { requestJson } from '../http/request-json.ts'
import { useFollowedLoad } from '../http/followed-load.ts'
import { useAuthStore } from './auth.ts'

export const useCaseBoardStore = defineStore('case-board', () => {
  const board = shallowRef<CaseBoard | null>(null)

  const { status, follow, reload, stop } = useFollowedLoad({
    refreshMs: 30_000,
    maxDelayMs: 60_000,
    load: async (isCurrent) => {
      const reply = await requestJson<CaseBoard>('/api/v1/cases/board?limit=8', { token: useAuthStore().token })
      if (isCurrent()) board.value = reply
    },
  })

  return { board, status, follow, reload, stop }
})
