/**
 * The sweep's daily self-check of the forms: still published and open to applicants (someone may
 * have unpublished one or restricted it to the domain in the Forms editor).
 */
import { localDateKey } from "../domain/dates.js";
import { t } from "../domain/text/index.js";
import { FORM_ID_PROPERTY, type Ctx } from "../workspace/context.js";
import { logError } from "../workspace/errors.js";
import { checkForm, type FormCheck } from "../workspace/forms.js";
import { scriptProperties } from "../workspace/properties.js";
import { SERVICES_FORM_ID_KEY } from "./setup/services.js";
import { PROP } from "../domain/keys.js";

export type { FormCheck } from "../workspace/forms.js";

/** Script Property: the office-local day the form was last checked. */
const FORM_CHECK_DAY = PROP.formCheckDay;

/**
 * The self-check: once a day, whether the form is still published and open to applicants (someone
 * may have unpublished it or restricted it to the domain in the Forms editor). A problem is written
 * to the error log in the office's language, where administrators look.
 */
export function checkFormDaily(ctx: Ctx): FormCheck | undefined {
  const props = scriptProperties();
  const today = localDateKey(Date.now(), ctx.offset);
  if (props.getProperty(FORM_CHECK_DAY) === today) return undefined;
  const id = props.getProperty(FORM_ID_PROPERTY);
  if (!id) return undefined;
  const check = checkForm(id);
  const lang = ctx.config.language;
  if (!check.published) logError(ctx.ss, "sweep", "", t(lang, "tenant.check.unpublished"));
  else if (!check.accepting) logError(ctx.ss, "sweep", "", t(lang, "tenant.form_closed"));
  if (check.requireLogin) logError(ctx.ss, "sweep", "", t(lang, "tenant.check.restricted"));
  checkServicesForm(ctx, props.getProperty(SERVICES_FORM_ID_KEY));
  props.setProperty(FORM_CHECK_DAY, today);
  return check;
}

/** The account services form, the same way (its holders have an account, but may be locked out of it). */
function checkServicesForm(ctx: Ctx, id: string | null): void {
  if (!id) return;
  const lang = ctx.config.language;
  try {
    const check = checkForm(id);
    if (!check.published) logError(ctx.ss, "sweep", "", t(lang, "service.check.unpublished"));
    else if (!check.accepting) logError(ctx.ss, "sweep", "", t(lang, "service.check.closed"));
    if (check.requireLogin) logError(ctx.ss, "sweep", "", t(lang, "service.check.restricted"));
  } catch (e) {
    logError(ctx.ss, "sweep", "", e);
  }
}
