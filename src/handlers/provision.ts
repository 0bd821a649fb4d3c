/** Provisioning (being written). */
import type { Ctx } from "../workspace/context.js";

export function startProvisioning(_ctx: Ctx, _ticket: string): void {
  throw new Error("provisioning is not available yet");
}
