// `npm run user:role -- EMAIL ROLE`: gives an existing account a role
// (STUDENT, TEACHER or ADMIN). This is how the first admin is made when
// ADMIN_EMAIL was not set at sign-up.
import { resolveDatabase } from "../lib/runtime/database-url";
import { disconnectPrisma } from "../lib/db/client";
import { ZRoleSchema } from "../lib/users/schemas";
import { setUserRoleByEmail } from "../lib/users/set-user-role";
import { AppError } from "../lib/errors";

const [email, roleArgument] = process.argv.slice(2);
const role = ZRoleSchema.safeParse(roleArgument?.toUpperCase());
if (!email || !role.success) {
  console.error("usage: npm run user:role -- EMAIL STUDENT|TEACHER|ADMIN");
  process.exit(2);
}
const database = await resolveDatabase(() => undefined);
process.env.DATABASE_URL = database.url;
try {
  const user = await setUserRoleByEmail(email, role.data);
  console.log(`${user.email} is now ${user.role}`);
} catch (error) {
  console.error(error instanceof AppError ? `${error.userMessage.en} (${email})` : error);
  process.exitCode = 1;
} finally {
  await disconnectPrisma();
  await database.embedded?.stop();
}
