/**
 * Provisioning, the pure part, by concern under domain/provisioning/: the state cell and what a
 * resuming run may do (state.ts), the Directory error classes and backoff (directoryerrors.ts),
 * the user resource (account.ts), the mails around the credential letter (mails.ts) and the
 * saga's decisions: the next step, the failure policy, who may ask for a reissue (saga.ts).
 * This module only gathers them for the modules that import "domain/provisioning".
 */
export * from "./provisioning/state.js";
export * from "./provisioning/directoryerrors.js";
export * from "./provisioning/account.js";
export * from "./provisioning/mails.js";
export * from "./provisioning/saga.js";
