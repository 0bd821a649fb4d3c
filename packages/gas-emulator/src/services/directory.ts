/**
 * Emulated Admin SDK Directory API (advanced service, global `AdminDirectory`): users, user
 * aliases, groups and members of one Google Workspace customer.
 *
 * Faithful where the real API is unforgiving:
 *  - only an admin identity (ws.identity(email).admin) may call it (403 "Not Authorized to access
 *    this resource/api"); a non-admin may only read with viewType=domain_public;
 *  - validation texts of users.insert (password 8–100 characters, names 1–60 characters, address
 *    syntax, domain of the customer) and 409 "Entity already exists." for a taken address or alias;
 *  - "search results may lag updates": users.list matches against what the index held
 *    `listLagMs` ago (a just-created user is found by users.get but not yet by users.list);
 *  - "User creation is not complete." (412) for `creationPendingMs` after an insert, on follow-up
 *    calls that touch that user (update, patch, aliases.insert, members.insert);
 *  - isMailboxSetup turns true `mailboxSetupMs` after creation;
 *  - a per-user query budget per minute (403 userRateLimitExceeded) and a per-domain limit of user
 *    creations per second (429 rateLimitExceeded);
 *  - passwords are never stored: a salted SHA-256 hash and a flag, as Google keeps a hash.
 * Every error goes through apiError with the method id (e.g. "directory.users.insert").
 */
import type { Workspace } from "../workspace.js";
import { directoryStateObject } from "./directory/model.js";
import { AdminDirectoryService } from "./directory/collections.js";

export * from "./directory/model.js";
export * from "./directory/query.js";
export * from "./directory/seed.js";
export * from "./directory/collections.js";
export * from "./directory/groups.js";
export * from "./directory/users.js";

export function install(ws: Workspace): Record<string, unknown> {
  directoryStateObject(ws);
  return { AdminDirectory: new AdminDirectoryService(ws) };
}
