/** Hierarchy levels and the properties every served feature carries (DESIGN §4, read APIs). */
import { Type, type Static } from '@sinclair/typebox'

export const LEVELS = ['district', 'street', 'community', 'grid', 'microgrid'] as const
export const Level = Type.Union(LEVELS.map((l) => Type.Literal(l)))
export type Level = (typeof LEVELS)[number]

export const NodeProps = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: Level,
  parentId: Type.Union([Type.String(), Type.Null()]),
})
export type NodeProps = Static<typeof NodeProps>

export const LevelInfo = Type.Object({ level: Level, count: Type.Integer(), available: Type.Boolean() })
export type LevelInfo = Static<typeof LevelInfo>
