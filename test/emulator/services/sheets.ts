/** Placeholder: this service is being written. */
import type { Workspace } from "../workspace.js";

export function install(_ws: Workspace): Record<string, unknown> {
  return {};
}
