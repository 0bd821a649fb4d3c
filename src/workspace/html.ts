/** HtmlService templates (the status page): a template's source evaluated with its fields set. */
export function evaluateTemplate(
  source: string,
  fields: Record<string, unknown>,
): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplate(source);
  const open = template as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) open[k] = v;
  return template.evaluate();
}
