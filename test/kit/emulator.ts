/**
 * surel's side of the emulator (gas-emulator knows nothing of surel): the bundle it runs and the
 * office's defaults, the Indonesian time zone and language, that every emulated office starts with.
 */
import { fileURLToPath } from "node:url";
import { Emulator, type EmulatorOptions } from "gas-emulator";

/** The built bundle (npm run build). */
export const DEFAULT_BUNDLE = fileURLToPath(new URL("../../dist/Code.js", import.meta.url));

/** What an emulated surel office is unless a test says otherwise. */
export const SUREL_WORKSPACE = {
  scriptTimeZone: "Asia/Jakarta",
  userLocale: "id",
  spreadsheetLocale: "id_ID",
  domain: "contohkota.go.id",
} as const;

/** An emulator running surel's bundle (or `opts.code`) in an office with surel's defaults. */
export function surelEmulator(opts: EmulatorOptions = {}): Emulator {
  return new Emulator({
    ...(opts.code === undefined ? { bundle: DEFAULT_BUNDLE } : {}),
    ...SUREL_WORKSPACE,
    ...opts,
  });
}
