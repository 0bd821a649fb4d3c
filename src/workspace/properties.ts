/**
 * Script Properties as the flows use them: a counter taken under the script lock (tickets, batch
 * ids) and a text value read, written or dropped.
 */

/** The counter's next value, kept (the caller holds the script lock). */
export function nextSerial(key: string): number {
  const props = PropertiesService.getScriptProperties();
  const serial = Number(props.getProperty(key) ?? "0") + 1;
  props.setProperty(key, String(serial));
  return serial;
}

export function readProperty(key: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(key);
}

/** Writes the value, or drops the property when the value is null. */
export function writeProperty(key: string, value: string | null): void {
  const props = PropertiesService.getScriptProperties();
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, value);
}
