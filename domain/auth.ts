/** Users, roles and scope (DESIGN §4, user auth). */
import { Type, type Static } from '@sinclair/typebox'

export const ROLES = ['district', 'street', 'leader', 'wall'] as const
export const Role = Type.Union(ROLES.map((r) => Type.Literal(r)))
export type Role = (typeof ROLES)[number]

/** What a user may see: the whole district, or one street. */
export const Scope = Type.Object({
  level: Type.Union([Type.Literal('district'), Type.Literal('street')]),
  id: Type.String(),
})
export type Scope = Static<typeof Scope>

export const PublicUser = Type.Object({ username: Type.String(), role: Role, scope: Scope })
export type PublicUser = Static<typeof PublicUser>

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
)
export const LoginReply = Type.Object({ token: Type.String(), user: PublicUser })
export type LoginReply = Static<typeof LoginReply>

/** Roles allowed to change things (dispatch, acknowledge); the others only read. */
export const canDispatch = (role: Role): boolean => role === 'district' || role === 'street'
