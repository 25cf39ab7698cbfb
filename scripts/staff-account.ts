/**
 * Makes and removes staff accounts: the only way to one.
 *
 *   npm run staff:add -- --email someone@example.com --role support|admin
 *   npm run staff:remove -- --email someone@example.com
 */
import { parseArgs } from "node:util";
import { loadEnvFile } from "../lib/config/env";
import { getServices } from "../lib/services";
import { addStaffMember } from "../lib/staff/add-staff-member";
import { removeStaffMember } from "../lib/staff/remove-staff-member";

loadEnvFile();
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: "string" }, role: { type: "string" } },
});
const services = getServices();
try {
  if (positionals[0] === "add") {
    const added = await addStaffMember({ services, input: values });
    process.stdout.write(`${values.email} is now staff (${added.role}), uid ${added.uid}.\n`);
    if (added.passwordLink)
      process.stdout.write(`New account: hand this link to its holder to choose a password:\n${added.passwordLink}\n`);
  } else if (positionals[0] === "remove") {
    const removed = await removeStaffMember({ services, input: values });
    process.stdout.write(removed ? `${values.email} is no longer staff.\n` : `No account has ${values.email}.\n`);
    process.exitCode = removed ? 0 : 1;
  } else {
    process.stderr.write("Usage: staff-account.ts add --email E --role support|admin | remove --email E\n");
    process.exitCode = 2;
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await services.db.close();
}
