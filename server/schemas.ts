/** Schemas shared by several routes. */
import { Type } from '@sinclair/typebox'

export const ErrorReply = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
})
