import { StaffService, STAFF_ROLES, type StaffRole } from '../../accounts'
import { loadConfig } from '../../core/config'
import { InputError } from '../../core/errors'
import { openStore } from '../../store'
import type { Command } from '../args'

const USAGE = `colophon staff add EMAIL --role owner|catalog|orders|viewer [--name NAME]
colophon staff list
colophon staff disable EMAIL

add      creates a member of staff and prints the one-time link (72 hours)
         that sets their password; the first owner starts here. Owners must
         turn on two-factor sign-in at their first sign-in.
list     prints every member: email, role, two-factor, state.
disable  stops a member signing in and ends their sessions at once.

Links start with COLOPHON_PUBLIC_URL, or http://localhost:PORT without it.`

export const staffCommand: Command = {
  name: 'staff',
  summary: 'add, list and disable back-office staff',
  usage: USAGE,
  options: { role: { type: 'string' }, name: { type: 'string' } },
  async run(values, positionals) {
    const [action, email] = positionals
    const config = loadConfig()
    const store = await openStore(config.COLOPHON_DB)
    const staff = new StaffService(store.db)
    try {
      if (action === 'add' && email) {
        const role = values.role
        if (typeof role !== 'string' || !(STAFF_ROLES as readonly string[]).includes(role)) throw new InputError('--role', `expected one of ${STAFF_ROLES.join(', ')}, got "${role ?? ''}"`)
        const { member, token } = await staff.add({ email, role: role as StaffRole, name: typeof values.name === 'string' ? values.name : undefined })
        const origin = config.COLOPHON_PUBLIC_URL ?? `http://localhost:${config.PORT}`
        process.stdout.write(`added ${member.email} (${member.role}). Open this link within 72 hours to set the password (it works once):\n${origin}/admin/set-password?token=${token}\n`)
      } else if (action === 'list' && !email) {
        for (const m of await staff.list()) {
          const state = m.disabledAt ? 'disabled' : m.hasPassword ? 'active' : 'no password yet'
          process.stdout.write(`${m.email}\t${m.role}\t${m.hasTwoFactor ? 'two-factor' : 'password only'}\t${state}\t${m.name}\n`)
        }
      } else if (action === 'disable' && email) {
        const member = await staff.byEmail(email).catch(() => {
          throw new InputError('staff disable', `no member of staff has the email "${email}"`)
        })
        await staff.disable(member.id)
        process.stdout.write(`disabled ${email.trim().toLowerCase()}; their sessions have ended\n`)
      } else {
        throw new InputError('staff', `expected add EMAIL --role ROLE, list, or disable EMAIL\n\n${USAGE}`)
      }
    } finally {
      await store.close()
    }
  },
}
