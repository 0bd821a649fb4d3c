/**
 * Every account of the customer, a page of 500 at a time (users.list with only the fields asked
 * for): the licence count (flows/licences.ts) and the sign-in facts of the accounts never used
 * (flows/unused.ts). One call per 500 accounts, each with the documented backoff.
 */
import { t } from "../domain/text/index.js";
import { withBackoff } from "./directory.js";
import { configuredLanguage } from "./settings.js";

type User = GoogleAppsScript.AdminDirectory.Schema.User;

/** Calls `visit` for every account; `fields` lists the user fields needed ("primaryEmail,archived"). */
export function forEachAccount(fields: string, visit: (u: User) => void): void {
  const users = AdminDirectory?.Users;
  if (!users) throw new Error(t(configuredLanguage(), "directory.not_enabled"));
  let pageToken: string | undefined;
  do {
    const args = {
      customer: "my_customer",
      maxResults: 500,
      fields: `nextPageToken,users(${fields})`,
      ...(pageToken ? { pageToken } : {}),
    };
    const page = withBackoff(() => users.list(args));
    for (const u of page.users ?? []) if (u.primaryEmail) visit(u);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
}
