/** `npm run hash-password -- <password>`: prints a `passwordHash` for USERS_FILE. */
import { hashPassword } from '../server/auth/password.ts'

const password = process.argv[2]
if (!password) {
  process.stderr.write('usage: npm run hash-password -- <password>\n')
  process.exit(2)
}
process.stdout.write(`${await hashPassword(password)}\n`)
