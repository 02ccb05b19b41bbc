/**
 * Open cases in the user's scope, for the dispatch overlay: loaded with `GET /api/v1/cases?status=open`
 * on every socket connect, then kept current by `cases` frames (a case that is resolved, closed or
 * cancelled leaves).
 */
import { defineStore } from 'pinia'
import { isOpenStatus, type Case } from '../../domain/cases.ts'
import { useLiveDocuments } from './live-documents.ts'

/** The route's largest page; a district with more open cases than this shows the most recently updated. */
const OPEN_CASES_URL = '/api/v1/cases?status=open&limit=5000'

export const useCasesStore = defineStore('cases', () => {
  const docs = useLiveDocuments<Case>({
    url: OPEN_CASES_URL,
    pick: (reply) => (reply as { cases: Case[] }).cases,
    keep: (c) => isOpenStatus(c.status),
  })
  return { ...docs }
})
