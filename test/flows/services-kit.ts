/**
 * Helpers of the account services flow tests (issue #12): the services form's id, a submission
 * to it, and its answers.
 */
import { submitResponse, type SubmitOptions } from "../emulator/services/forms/submit.js";
import {
  serviceLabel,
  serviceQuestionTitle,
  type ServiceFieldKey,
  type ServiceKind,
} from "../../src/domain/services.js";
import type { Office } from "./harness.js";

/** The account services form setup created (its report). */
export function servicesFormId(office: Office): string {
  const id = (office.setup.returnValue as { servicesFormId?: string }).servicesFormId;
  if (!id) throw new Error("setup made no services form");
  return id;
}

/** Answers of the services form by field key (Indonesian titles, as setup writes them). */
export function serviceAnswers(
  kind: ServiceKind | string,
  fields: Partial<Record<ServiceFieldKey, string>>,
): Record<string, string> {
  const out: Record<string, string> = {
    [serviceQuestionTitle("service", "id")]: kind.includes(" ")
      ? kind
      : serviceLabel(kind as ServiceKind, "id"),
  };
  for (const [k, v] of Object.entries(fields)) out[serviceQuestionTitle(k as ServiceFieldKey, "id")] = v;
  return out;
}

/** Submits the services form and runs the triggers; returns the intake's ticket. */
export async function submitService(
  office: Office,
  answers: Record<string, string>,
  opts: SubmitOptions = {},
): Promise<string> {
  submitResponse(office.emu.ws, servicesFormId(office), answers, opts);
  const results = await office.emu.drain();
  const intake = results.find((r) => r.handler === "onFormSubmit");
  if (!intake || !intake.ok) throw new Error(`intake failed: ${intake?.error?.message ?? "no execution"}`);
  const ticket = (intake.returnValue as { ticket?: string } | null)?.ticket;
  if (!ticket) throw new Error("intake returned no ticket");
  return ticket;
}
